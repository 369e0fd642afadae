import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'SLA targets of one priority, in minutes of running (not paused) time' })
export class SlaTargets {
  @Field(() => Int, { description: 'Met when the incident first leaves NEW' }) responseMinutes!: number;
  @Field(() => Int, { description: 'Met at RESOLVED' }) resolutionMinutes!: number;
}

@ObjectType({ description: 'SLA targets for every priority' })
export class IncidentSlaPolicy {
  @Field(() => SlaTargets) P1!: SlaTargets;
  @Field(() => SlaTargets) P2!: SlaTargets;
  @Field(() => SlaTargets) P3!: SlaTargets;
  @Field(() => SlaTargets) P4!: SlaTargets;
  @Field(() => SlaTargets) P5!: SlaTargets;
}
