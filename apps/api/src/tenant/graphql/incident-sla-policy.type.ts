import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'SLA targets of one priority, in minutes of running (not paused) time' })
export class SlaTargets {
  @Field(() => Int, {
    description: 'Minutes from opening until the first response is due: met when the incident first leaves NEW',
  })
  responseMinutes!: number;
  @Field(() => Int, { description: 'Minutes from opening until resolution is due: met at RESOLVED' })
  resolutionMinutes!: number;
}

@ObjectType({ description: 'SLA targets for every priority' })
export class IncidentSlaPolicy {
  @Field(() => SlaTargets, { description: 'Targets of P1 (critical) incidents' }) P1!: SlaTargets;
  @Field(() => SlaTargets, { description: 'Targets of P2 (high) incidents' }) P2!: SlaTargets;
  @Field(() => SlaTargets, { description: 'Targets of P3 (moderate) incidents' }) P3!: SlaTargets;
  @Field(() => SlaTargets, { description: 'Targets of P4 (low) incidents' }) P4!: SlaTargets;
  @Field(() => SlaTargets, { description: 'Targets of P5 (planning) incidents' }) P5!: SlaTargets;
}
