import { ChangeFollowUp } from '../../change/graphql/change-follow-up.type.js';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { ProblemStatus } from '#domain';
import type { Priority, ProblemResolutionCode } from '#events';
import { DateTimeScalar } from '../../graphql/date-time.scalar.js';
import { PriorityEnum } from '../../graphql/priority.enum.js';
import { Node } from '../../node/node.interface.js';
import { ProblemResolutionCodeEnum, ProblemStateEnum } from './problem-enums.js';

@ObjectType({ description: 'How a problem was resolved, or why it was canceled' })
export class ProblemResolutionModel {
  @Field(() => ProblemResolutionCodeEnum, { description: 'How it ended' }) code!: ProblemResolutionCode;
  @Field(() => ID, { nullable: true, description: 'The problem this one duplicates, for DUPLICATE' }) duplicateOf!: string | null;
  @Field({ description: 'The resolution notes, or the reason of a cancellation; may be empty' }) notes!: string;
  @Field(() => DateTimeScalar, { description: 'When' }) at!: string;
}

@ObjectType('Problem', { description: 'The cause, or potential cause, of one or more incidents', implements: () => [Node] })
export class ProblemModel implements Node {
  @Field(() => ID, { description: 'A UUID, unique across every record type; pass it to problem(id) or node(id)' }) id!: string;
  @Field({ description: 'Human-readable, unique per tenant: PRB0001001' }) number!: string;
  @Field({ description: 'A one-line problem statement' }) statement!: string;
  @Field({ description: 'The full account; may be empty' }) description!: string;
  @Field(() => ProblemStateEnum, { description: 'Where it is in its life cycle' }) state!: ProblemStatus;
  @Field(() => String, { nullable: true, description: 'The affected service or configuration item, if known' }) serviceId!: string | null;
  @Field(() => Int, { description: 'How widely it affects the business: 1 high .. 3 low' }) impact!: number;
  @Field(() => Int, { description: 'How soon the business needs it solved: 1 high .. 3 low' }) urgency!: number;
  @Field(() => PriorityEnum, { description: 'Derived from impact x urgency, with the matrix incidents use' }) priority!: Priority;
  @Field(() => String, { nullable: true, description: 'The team responsible for it' }) assignmentGroup!: string | null;
  @Field(() => String, { nullable: true, description: 'Subject id of the person working it' }) assignee!: string | null;
  @Field(() => String, { nullable: true, description: 'The root cause, once recorded' }) rootCause!: string | null;
  @Field(() => String, { nullable: true, description: 'How people get service back meanwhile, once documented' }) workaround!: string | null;
  @Field({ description: 'True once published as a known error: its workaround then shows on every linked incident' }) knownError!: boolean;
  @Field(() => ID, { nullable: true, description: 'The change that fixes it, once recorded' }) fixingChangeId!: string | null;
  @Field(() => [ChangeFollowUp], { description: 'Changes that closed UNSUCCESSFUL while linked to it, oldest first; filter with followUp' })
  followUps!: ChangeFollowUp[];
  @Field(() => ProblemResolutionModel, { nullable: true, description: 'Set at RESOLVED or on cancellation; cleared by a re-analysis' })
  resolution!: ProblemResolutionModel | null;
  @Field(() => [ID], {
    description: 'The incidents linked to it, oldest link first (problemAsOf shows none: links are the incidents’ history)',
  })
  linkedIncidentIds!: string[];
  @Field(() => DateTimeScalar, { description: 'When it was logged' }) loggedAt!: string;
  @Field(() => DateTimeScalar, { description: 'When its last event was recorded' }) updatedAt!: string;
  @Field({ description: 'Stream revision of the last event; pass as expectedVersion' }) version!: string;
}
