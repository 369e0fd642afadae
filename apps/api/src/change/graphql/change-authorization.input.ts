import { Field, InputType, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import type { ChangeRisk } from '#events';
import { REASON_MAX } from '../../records/input-limits.js';
import { ChangeCommandInput } from './change-command.input.js';
import { ChangeRiskEnum } from './change-enums.js';

@InputType({ description: 'Assess a NORMAL change in ASSESS and send it to the CAB' })
export class AssessChangeRiskInput extends ChangeCommandInput {
  @Field(() => ChangeRiskEnum, { description: 'The assessed risk; HIGH also asks a change manager' }) @IsEnum(ChangeRiskEnum) risk!: ChangeRisk;
  @Field(() => Int, { nullable: true, description: '1 high .. 3 low; the requested impact stays unless given' })
  @IsOptional() @IsInt() @Min(1) @Max(3) impact?: number | null;
}

@InputType({ description: 'Approve a change in AUTHORIZE, as an approver of its current round' })
export class ApproveChangeInput extends ChangeCommandInput {
  @Field(() => String, { nullable: true, description: 'A comment for the record, at most 2,000 characters' })
  @IsOptional() @IsString() @Length(1, REASON_MAX) comment?: string | null;
}

@InputType({ description: 'Reject a change in AUTHORIZE: it goes back to NEW with your reason' })
export class RejectChangeInput extends ChangeCommandInput {
  @Field({ description: 'Why: not blank, at most 2,000 characters' }) @IsString() @Length(1, REASON_MAX) reason!: string;
}
