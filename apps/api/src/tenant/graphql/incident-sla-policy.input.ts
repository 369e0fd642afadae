import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsInt, Max, Min, ValidateNested } from 'class-validator';
import { maxSlaTargetMinutes } from '#domain';

@InputType({ description: 'Whole minutes, 1 ≤ responseMinutes ≤ resolutionMinutes ≤ 525600 (a year)' })
export class SlaTargetsInput {
  @Field(() => Int, { description: 'Minutes of running time from opening until someone must have started on it' })
  @IsInt()
  @Min(1)
  @Max(maxSlaTargetMinutes)
  responseMinutes!: number;

  @Field(() => Int, { description: 'Minutes of running time from opening until it must be resolved' })
  @IsInt()
  @Min(1)
  @Max(maxSlaTargetMinutes)
  resolutionMinutes!: number;
}

@InputType({ description: 'Targets for every priority; all five are required' })
export class IncidentSlaPolicyInput {
  @Field(() => SlaTargetsInput, { description: 'Targets of P1 (critical) incidents' })
  @ValidateNested()
  @Type(() => SlaTargetsInput)
  P1!: SlaTargetsInput;

  @Field(() => SlaTargetsInput, { description: 'Targets of P2 (high) incidents' })
  @ValidateNested()
  @Type(() => SlaTargetsInput)
  P2!: SlaTargetsInput;

  @Field(() => SlaTargetsInput, { description: 'Targets of P3 (moderate) incidents' })
  @ValidateNested()
  @Type(() => SlaTargetsInput)
  P3!: SlaTargetsInput;

  @Field(() => SlaTargetsInput, { description: 'Targets of P4 (low) incidents' })
  @ValidateNested()
  @Type(() => SlaTargetsInput)
  P4!: SlaTargetsInput;

  @Field(() => SlaTargetsInput, { description: 'Targets of P5 (planning) incidents' })
  @ValidateNested()
  @Type(() => SlaTargetsInput)
  P5!: SlaTargetsInput;
}
