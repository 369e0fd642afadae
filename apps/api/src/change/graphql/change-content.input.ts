import { Field, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { CommandOptionsInput } from '../../records/command-options.input.js';
import { NOTES_MAX } from '../../records/input-limits.js';

/**
 * What a change says besides its rating: every field optional, as requests default them and
 * updates leave absent ones alone. STANDARD changes take services and plans from their template.
 */
@InputType({ isAbstract: true })
export abstract class ChangeContentInput extends CommandOptionsInput {
  @Field(() => String, { nullable: true, description: 'A one-line summary: not blank, at most 200 characters' })
  @IsOptional() @IsString() @Length(1, 200) title?: string | null;

  @Field(() => String, { nullable: true, description: 'What will be done, at most 20,000 characters' })
  @IsOptional() @IsString() @MaxLength(NOTES_MAX) description?: string | null;

  @Field(() => String, { nullable: true, description: 'Why it is needed, at most 20,000 characters' })
  @IsOptional() @IsString() @MaxLength(NOTES_MAX) justification?: string | null;

  @Field(() => [String], { nullable: true, description: 'The services or configuration items it affects, at most 50, each at most 128 characters' })
  @IsOptional() @ArrayMaxSize(50) @IsString({ each: true }) @Length(1, 128, { each: true }) serviceIds?: string[] | null;

  @Field(() => String, { nullable: true, description: 'How it will be done, at most 20,000 characters' })
  @IsOptional() @IsString() @MaxLength(NOTES_MAX) implementationPlan?: string | null;

  @Field(() => String, { nullable: true, description: 'How it will be undone if it fails, at most 20,000 characters' })
  @IsOptional() @IsString() @MaxLength(NOTES_MAX) backoutPlan?: string | null;

  @Field(() => String, { nullable: true, description: 'How success will be checked, at most 20,000 characters' })
  @IsOptional() @IsString() @MaxLength(NOTES_MAX) testPlan?: string | null;
}

/** The given fields only: absent and null both mean "not given". */
export function givenContent(input: ChangeContentInput) {
  const fields = ['title', 'description', 'justification', 'serviceIds', 'implementationPlan', 'backoutPlan', 'testPlan'] as const;
  return Object.fromEntries(fields.filter((field) => input[field] !== undefined && input[field] !== null).map((field) => [field, input[field]])) as {
    readonly [F in (typeof fields)[number]]?: NonNullable<ChangeContentInput[F]>;
  };
}
