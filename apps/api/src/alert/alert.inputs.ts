import { Field, InputType, registerEnumType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { alertSeverities, type AlertSeverity } from '#events';
import { enumOf } from '../graphql/enum-of.js';

export const AlertSeverityEnum = enumOf<AlertSeverity>(alertSeverities);
registerEnumType(AlertSeverityEnum, {
  name: 'AlertSeverity',
  description: "How bad the monitoring tool says it is; sets the incident's impact and urgency",
  valuesMap: {
    CRITICAL: { description: 'Impact 1, urgency 1: P1' },
    ERROR: { description: 'Impact 2, urgency 1: P2' },
    WARNING: { description: 'Impact 2, urgency 2: P3' },
    INFO: { description: 'Impact 3, urgency 3: P5' },
  },
});

@InputType({ description: 'Which alert: the tool that sends it and its fingerprint there' })
export class ClearAlertInput {
  @Field({ description: 'The monitoring tool, e.g. "prometheus": not blank, at most 64 characters' })
  @IsString()
  @Length(1, 64)
  source!: string;

  @Field({ description: 'What stays the same each time the tool sends this alert: not blank, at most 256 characters' })
  @IsString()
  @Length(1, 256)
  fingerprint!: string;
}

@InputType({ description: "A monitoring tool's alert; repeats of one fingerprint count on the incident the first one opened" })
export class RaiseAlertInput extends ClearAlertInput {
  @Field(() => AlertSeverityEnum, { description: 'Sets impact and urgency of the incident it opens' })
  @IsIn(alertSeverities)
  severity!: AlertSeverity;

  @Field({ description: "One line: the incident's title when it opens; not blank, at most 200 characters" })
  @IsString()
  @Length(1, 200)
  summary!: string;

  @Field(() => String, { nullable: true, description: 'The affected service or configuration item, at most 128 characters' })
  @IsOptional()
  @IsString()
  @Length(1, 128)
  serviceId?: string | null;
}
