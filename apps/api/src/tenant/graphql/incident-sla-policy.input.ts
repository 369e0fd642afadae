import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDefined, IsInt, Max, Min, ValidateNested } from 'class-validator';
import { maxSlaTargetMinutes } from '#domain';

@InputType({ description: 'Whole minutes, 1 ≤ responseMinutes ≤ resolutionMinutes ≤ 525600 (a year)' })
export class SlaTargetsInput {
  @Field(() => Int) @IsInt() @Min(1) @Max(maxSlaTargetMinutes) responseMinutes!: number;

  @Field(() => Int) @IsInt() @Min(1) @Max(maxSlaTargetMinutes) resolutionMinutes!: number;
}

/**
 * Every priority is required. The fields are nullable in the schema only so that a missing one
 * is refused as BAD_USER_INPUT naming it (`policy.P3`), like any other invalid target.
 */
@InputType({ description: 'Targets for every priority; all five are required' })
export class IncidentSlaPolicyInput {
  @Field(() => SlaTargetsInput, { nullable: true }) @IsDefined() @ValidateNested() @Type(() => SlaTargetsInput)
  P1?: SlaTargetsInput | null;

  @Field(() => SlaTargetsInput, { nullable: true }) @IsDefined() @ValidateNested() @Type(() => SlaTargetsInput)
  P2?: SlaTargetsInput | null;

  @Field(() => SlaTargetsInput, { nullable: true }) @IsDefined() @ValidateNested() @Type(() => SlaTargetsInput)
  P3?: SlaTargetsInput | null;

  @Field(() => SlaTargetsInput, { nullable: true }) @IsDefined() @ValidateNested() @Type(() => SlaTargetsInput)
  P4?: SlaTargetsInput | null;

  @Field(() => SlaTargetsInput, { nullable: true }) @IsDefined() @ValidateNested() @Type(() => SlaTargetsInput)
  P5?: SlaTargetsInput | null;
}
