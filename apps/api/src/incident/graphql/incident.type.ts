import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { IncidentAlert } from '../../alert/incident-alert.type.js';
import { ChangeFollowUp } from '../../change/graphql/change-follow-up.type.js';
import { DateTimeScalar } from '../../graphql/date-time.scalar.js';
import { Node } from '../../node/node.interface.js';
import type { IncidentHoldReason, Priority, IncidentResolutionCode } from '#events';
import type { IncidentStatus, SlaTimerStatus } from '#domain';
import {
  IncidentHoldReasonEnum,
  IncidentResolutionCodeEnum,
  IncidentStateEnum,
  SlaTimerStatusEnum,
} from './incident-enums.js';
import { PriorityEnum } from '../../graphql/priority.enum.js';

@ObjectType({ description: 'A work note (internal) or comment (visible to the caller)' })
export class JournalEntry {
  @Field({ description: 'The text as written' }) text!: string;
  @Field(() => DateTimeScalar, { description: 'When it was added' }) at!: string;
  @Field({ description: 'Subject id of who added it' }) author!: string;
}

@ObjectType({ description: 'One step of the record: what happened, when, who did it, the state after' })
export class TimelineEntry {
  @Field({ description: 'What happened, as the name of the event, e.g. IncidentOpened, IncidentPutOnHold' })
  event!: string;
  @Field(() => DateTimeScalar, { description: 'When it happened' }) at!: string;
  @Field({ description: 'Subject id of who did it; system:… for what the system did itself (SLA timers, auto-close)' })
  actor!: string;
  @Field({ description: 'The IncidentState after this step' }) state!: string;
}

@ObjectType({ description: 'How and when an incident was resolved' })
export class IncidentResolution {
  @Field(() => IncidentResolutionCodeEnum, { description: 'How it was resolved' }) code!: IncidentResolutionCode;
  @Field({ description: 'What was done, for the caller and whoever meets the same issue' }) notes!: string;
  @Field(() => DateTimeScalar, { description: 'When it was resolved' }) at!: string;
}

@ObjectType({ description: 'A fact recorded with a reason: cancellation, major-incident declaration' })
export class ReasonedFact {
  @Field({ description: 'Why, as given by whoever did it' }) reason!: string;
  @Field(() => DateTimeScalar, { description: 'When it was recorded' }) at!: string;
}

@ObjectType({ description: 'One SLA timer: response (met on leaving NEW) or resolution (met at RESOLVED)' })
export class SlaTimer {
  @Field(() => Int, { description: 'Minutes of running (not paused) time allowed, from the priority and the tenant policy' })
  targetMinutes!: number;
  @Field(() => SlaTimerStatusEnum, { description: 'Whether it runs, is paused, was met, breached or canceled' })
  status!: SlaTimerStatus;
  @Field(() => DateTimeScalar, { nullable: true, description: 'The deadline while it runs; null while paused, met or canceled' })
  dueAt!: string | null;
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When 75 % of the target was or will be used; null while paused, or if it stopped before',
  })
  warningAt!: string | null;
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When 100 % of the target was or will be used; null while paused, or if it stopped before',
  })
  breachAt!: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was met or canceled; null while it counts' })
  stoppedAt!: string | null;
  @Field({ description: 'True once the 75 % warning was recorded' }) warned!: boolean;
  @Field({ description: 'True once the breach was recorded, even if the timer was met later' }) breached!: boolean;
}

@ObjectType({ description: "The incident's two SLA timers" })
export class IncidentSla {
  @Field(() => SlaTimer, { description: 'Until someone starts on it: met when it first leaves NEW' }) response!: SlaTimer;
  @Field(() => SlaTimer, { description: 'Until it is resolved: met at RESOLVED, resumed by a reopen' }) resolution!: SlaTimer;
}

@ObjectType('Incident', { description: 'An unplanned interruption or degradation of a service', implements: () => [Node] })
export class IncidentModel implements Node {
  @Field(() => ID, { description: 'A UUID, unique across every record type; pass it to incident(id) or node(id)' }) id!: string;
  @Field({ description: 'Human-readable, unique per tenant: INC0001001' }) number!: string;
  @Field({ description: 'A one-line summary' }) title!: string;
  @Field({ description: 'The full account of what happens; may be empty' }) description!: string;
  @Field(() => IncidentStateEnum, { description: 'Where it is in its life cycle' }) state!: IncidentStatus;
  @Field(() => Int, { description: 'How widely it affects the business: 1 high .. 3 low' }) impact!: number;
  @Field(() => Int, { description: 'How soon the business needs it solved: 1 high .. 3 low' }) urgency!: number;
  @Field(() => PriorityEnum, { description: 'Derived from impact x urgency; sets the SLA targets' })
  priority!: Priority;
  @Field({ description: 'Subject id of who reported it (the caller); requesters see only incidents they reported' })
  callerId!: string;
  @Field(() => String, { nullable: true, description: 'The affected service or configuration item, if known' })
  serviceId!: string | null;
  @Field({ description: 'Free classification, "general" unless given' }) category!: string;
  @Field(() => String, { nullable: true, description: 'The team responsible for it; null until assigned' })
  assignmentGroup!: string | null;
  @Field(() => String, { nullable: true, description: 'Subject id of the person working it; null until assigned' })
  assignee!: string | null;
  @Field(() => IncidentHoldReasonEnum, { nullable: true, description: 'What it waits for while ON_HOLD; null otherwise' })
  holdReason!: IncidentHoldReason | null;
  @Field(() => IncidentResolution, {
    nullable: true,
    description: 'Set at RESOLVED and kept when closed; null until then, and again after a reopen',
  })
  resolution!: IncidentResolution | null;
  @Field(() => ReasonedFact, { nullable: true, description: 'Why and when it was canceled; null unless CANCELED' })
  cancellation!: ReasonedFact | null;
  @Field({ description: 'True once it was declared a major incident; this cannot be withdrawn' }) major!: boolean;
  @Field(() => ReasonedFact, { nullable: true, description: 'Why and when it was declared major; null unless major' })
  majorIncident!: ReasonedFact | null;
  @Field(() => [String], { description: 'The id of the problem it is linked to, if any (an incident names at most one problem; see problem)' }) problemIds!: string[];
  @Field(() => [String], { description: 'Ids of the changes it is linked to, oldest link first' }) changeIds!: string[];
  @Field(() => [ChangeFollowUp], { description: 'Changes that closed UNSUCCESSFUL while linked to it, oldest first; filter with followUp' })
  followUps!: ChangeFollowUp[];
  @Field(() => [JournalEntry], { description: 'Internal notes, oldest first; empty for requesters' }) workNotes!: JournalEntry[];
  @Field(() => [JournalEntry], { description: 'Comments the caller sees, oldest first' }) comments!: JournalEntry[];
  @Field(() => [TimelineEntry], { description: 'Every step of the record, oldest first' }) timeline!: TimelineEntry[];
  @Field(() => Int, { description: 'How many times it was reopened after being resolved' }) reopenCount!: number;
  @Field(() => DateTimeScalar, { description: 'When it was reported; SLA timers count from here' }) openedAt!: string;
  @Field(() => DateTimeScalar, { description: 'When its last event was recorded' }) updatedAt!: string;
  @Field({ description: 'Stream revision of the last event; pass as expectedVersion' }) version!: string;
  @Field(() => IncidentSla, { description: 'Response and resolution timers against the SLA targets' }) sla!: IncidentSla;
  @Field(() => IncidentAlert, { nullable: true, description: 'The monitoring alert that opened it (raiseAlert); null for others' })
  alert!: IncidentAlert | null;
}
