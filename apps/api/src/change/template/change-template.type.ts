import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { ChangeRisk } from '#events';
import { DateTimeScalar } from '../../graphql/date-time.scalar.js';
import { ReasonedFact } from '../../incident/graphql/incident.type.js';
import { Node } from '../../node/node.interface.js';
import { ChangeRiskEnum } from '../graphql/change-enums.js';

@ObjectType('ChangeTemplate', { description: 'A pre-approved plan that STANDARD changes are made from', implements: () => [Node] })
export class ChangeTemplateModel implements Node {
  @Field(() => ID, { description: 'A UUID; pass it as templateId to requestChange' }) id!: string;
  @Field({ description: 'Human-readable, unique per tenant: STD0001001' }) number!: string;
  @Field(() => Int, { description: 'The current version: 1 when created, one more per revision' }) templateVersion!: number;
  @Field({ description: 'What kind of change it covers' }) name!: string;
  @Field({ description: 'What it does; may be empty' }) description!: string;
  @Field(() => [String], { description: 'The services its changes affect' }) serviceIds!: string[];
  @Field(() => ChangeRiskEnum, { description: 'LOW or MODERATE: a HIGH-risk change cannot be pre-approved' }) risk!: ChangeRisk;
  @Field(() => Int, { description: '1 high .. 3 low' }) impact!: number;
  @Field({ description: 'How it is done' }) implementationPlan!: string;
  @Field({ description: 'How it is undone' }) backoutPlan!: string;
  @Field({ description: 'How success is checked; may be empty' }) testPlan!: string;
  @Field(() => DateTimeScalar, { description: 'When it was created' }) createdAt!: string;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was last revised' }) revisedAt!: string | null;
  @Field(() => ReasonedFact, { nullable: true, description: 'Why and when it was retired; no change may be made from it since' }) retired!: ReasonedFact | null;
  @Field(() => DateTimeScalar, { description: 'When its last event was recorded' }) updatedAt!: string;
  @Field({ description: 'Stream revision of the last event; pass as expectedVersion' }) version!: string;
}
