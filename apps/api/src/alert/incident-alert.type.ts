import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { AlertSeverity } from '#events';
import { DateTimeScalar } from '../graphql/date-time.scalar.js';
import { AlertSeverityEnum } from './alert.inputs.js';

@ObjectType({ description: 'The monitoring alert that opened an incident, and how often it came while the incident was open' })
export class IncidentAlert {
  @Field({ description: 'The monitoring tool that sent it' }) source!: string;
  @Field({ description: 'Its fingerprint at that tool' }) fingerprint!: string;
  @Field(() => AlertSeverityEnum, { description: 'As the last occurrence said' }) severity!: AlertSeverity;
  @Field({ description: 'What the last occurrence said' }) summary!: string;
  @Field(() => Int, { description: 'How many times it came, the first included' }) occurrences!: number;
  @Field(() => DateTimeScalar, { description: 'When it first came' }) firstSeenAt!: string;
  @Field(() => DateTimeScalar, { description: 'When it last came' }) lastSeenAt!: string;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the tool last cleared it; null while it fires' })
  clearedAt!: string | null;
}
