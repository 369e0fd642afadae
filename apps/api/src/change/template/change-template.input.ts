import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsBoolean, IsEnum, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import type { ChangeRisk } from '#events';
import { RECORD_ID_PATTERN } from '#events';
import { CommandOptionsInput } from '../../records/command-options.input.js';
import { NOTES_MAX, REASON_MAX } from '../../records/input-limits.js';
import { ChangeRiskEnum } from '../graphql/change-enums.js';

/** A template's content: required to create (as the decider checks), optional to revise. */
@InputType({ isAbstract: true })
abstract class ChangeTemplateContentInput extends CommandOptionsInput {
  @Field(() => String, { nullable: true, description: 'What kind of change it covers: not blank, at most 200 characters' })
  @IsOptional() @IsString() @Length(1, 200) name?: string | null;
  @Field(() => String, { nullable: true, description: 'What it does, at most 20,000 characters' })
  @IsOptional() @IsString() @MaxLength(NOTES_MAX) description?: string | null;
  @Field(() => [String], { nullable: true, description: 'The services its changes affect, at most 50' })
  @IsOptional() @ArrayMaxSize(50) @IsString({ each: true }) @Length(1, 128, { each: true }) serviceIds?: string[] | null;
  @Field(() => ChangeRiskEnum, { nullable: true, description: 'LOW unless given; HIGH is refused' })
  @IsOptional() @IsEnum(ChangeRiskEnum) risk?: ChangeRisk | null;
  @Field(() => Int, { nullable: true, description: '1 high .. 3 low; 3 unless given' })
  @IsOptional() @IsInt() @Min(1) @Max(3) impact?: number | null;
  @Field(() => String, { nullable: true, description: 'How it is done: required, at most 20,000 characters' })
  @IsOptional() @IsString() @MaxLength(NOTES_MAX) implementationPlan?: string | null;
  @Field(() => String, { nullable: true, description: 'How it is undone: required, at most 20,000 characters' })
  @IsOptional() @IsString() @MaxLength(NOTES_MAX) backoutPlan?: string | null;
  @Field(() => String, { nullable: true, description: 'How success is checked, at most 20,000 characters' })
  @IsOptional() @IsString() @MaxLength(NOTES_MAX) testPlan?: string | null;
}

@InputType({ description: 'A new standard change template, version 1' })
export class CreateChangeTemplateInput extends ChangeTemplateContentInput {}

@InputType({ description: 'A new version of a template; absent fields keep their value' })
export class ReviseChangeTemplateInput extends ChangeTemplateContentInput {
  @Field(() => ID, { description: 'The template' }) @Matches(RECORD_ID_PATTERN, { message: 'id must be a template id' }) id!: string;
}

@InputType({ description: 'Retire a template: no change may be made from it any more' })
export class RetireChangeTemplateInput extends CommandOptionsInput {
  @Field(() => ID, { description: 'The template' }) @Matches(RECORD_ID_PATTERN, { message: 'id must be a template id' }) id!: string;
  @Field({ description: 'Why: not blank, at most 2,000 characters' }) @IsString() @Length(1, REASON_MAX) reason!: string;
}

@InputType({ description: 'Which templates; absent criteria restrict nothing' })
export class ChangeTemplateFilter {
  @Field(() => Boolean, { nullable: true, description: 'Only retired (true) or only live (false) templates' })
  @IsOptional() @IsBoolean() retired?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Whole words of number or name' })
  @IsOptional() @IsString() @Length(1, 200) text?: string | null;
}

/** The content fields given, absent and null alike left out. */
export function givenTemplateContent(input: ChangeTemplateContentInput) {
  const fields = ['name', 'description', 'serviceIds', 'risk', 'impact', 'implementationPlan', 'backoutPlan', 'testPlan'] as const;
  return Object.fromEntries(fields.filter((field) => input[field] !== undefined && input[field] !== null).map((field) => [field, input[field]]));
}
