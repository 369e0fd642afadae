import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import type { ChangeRisk, ChangeType } from '#events';
import { RECORD_ID_PATTERN } from '#events';
import { ChangeCommandInput } from './change-command.input.js';
import { ChangeContentInput } from './change-content.input.js';
import { ChangeRiskEnum, ChangeTypeEnum } from './change-enums.js';

@InputType({ description: 'A new change: NORMAL or EMERGENCY with its own plan, or STANDARD from a template' })
export class RequestChangeInput extends ChangeContentInput {
  @Field(() => ChangeTypeEnum, { description: 'How it is to be authorised' }) @IsEnum(ChangeTypeEnum) type!: ChangeType;

  @Field(() => ChangeRiskEnum, { nullable: true, description: 'NORMAL and EMERGENCY: MODERATE unless given; assessment may revise it' })
  @IsOptional() @IsEnum(ChangeRiskEnum) risk?: ChangeRisk | null;

  @Field(() => Int, { nullable: true, description: 'NORMAL and EMERGENCY: how widely it may affect the business, 1 high .. 3 low; 3 unless given' })
  @IsOptional() @IsInt() @Min(1) @Max(3) impact?: number | null;

  @Field(() => ID, { nullable: true, description: 'STANDARD only: the template whose current version it copies' })
  @IsOptional()
  @Matches(RECORD_ID_PATTERN, { message: 'templateId must be a template id' })
  templateId?: string | null;
}

@InputType({ description: 'Edit a change before authorisation (NEW or ASSESS); absent fields stay' })
export class UpdateChangeDetailsInput extends ChangeContentInput {
  @Field(() => ID, { description: 'The change; NOT_FOUND unless it is in your tenant' })
  @Matches(RECORD_ID_PATTERN, { message: 'id must be a change id' })
  id!: string;
}

@InputType({ description: 'Switch a NEW change between NORMAL and EMERGENCY' })
export class SetChangeTypeInput extends ChangeCommandInput {
  @Field(() => ChangeTypeEnum, { description: 'NORMAL or EMERGENCY' }) @IsEnum(ChangeTypeEnum) type!: ChangeType;
}

@InputType({ description: 'Send a NEW change on: NORMAL to ASSESS, EMERGENCY to its emergency approvers' })
export class SubmitChangeInput extends ChangeCommandInput {}
