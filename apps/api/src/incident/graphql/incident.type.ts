import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../graphql/date-time.scalar.js';
import type { IncidentHoldReason, IncidentPriority, IncidentResolutionCode } from '#events';
import type { IncidentStatus, SlaTimerStatus } from '#domain';
import {
  IncidentHoldReasonEnum,
  IncidentPriorityEnum,
  IncidentResolutionCodeEnum,
  IncidentStateEnum,
  SlaTimerStatusEnum,
} from './incident-enums.js';

@ObjectType({ description: 'A work note (internal) or comment (visible to the caller)' })
export class JournalEntry {
  @Field() text!: string;
  @Field(() => DateTimeScalar) at!: string;
  @Field() author!: string;
}

@ObjectType({ description: 'One step of the record: what happened, when, who did it, the state after' })
export class TimelineEntry {
  @Field() event!: string;
  @Field(() => DateTimeScalar) at!: string;
  @Field() actor!: string;
  @Field() state!: string;
}

@ObjectType()
export class IncidentResolution {
  @Field(() => IncidentResolutionCodeEnum) code!: IncidentResolutionCode;
  @Field() notes!: string;
  @Field(() => DateTimeScalar) at!: string;
}

@ObjectType({ description: 'A fact recorded with a reason: cancellation, major-incident declaration' })
export class ReasonedFact {
  @Field() reason!: string;
  @Field(() => DateTimeScalar) at!: string;
}

@ObjectType({ description: 'One SLA timer: response (met on leaving NEW) or resolution (met at RESOLVED)' })
export class SlaTimer {
  @Field(() => Int) targetMinutes!: number;
  @Field(() => SlaTimerStatusEnum) status!: SlaTimerStatus;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Null while paused, met or canceled' })
  dueAt!: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) warningAt!: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) breachAt!: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was met or canceled' })
  stoppedAt!: string | null;
  @Field() warned!: boolean;
  @Field() breached!: boolean;
}

@ObjectType()
export class IncidentSla {
  @Field(() => SlaTimer) response!: SlaTimer;
  @Field(() => SlaTimer) resolution!: SlaTimer;
}

@ObjectType('Incident', { description: 'An unplanned interruption or degradation of a service' })
export class IncidentModel {
  @Field(() => ID) id!: string;
  @Field({ description: 'Human-readable, unique per tenant: INC0001001' }) number!: string;
  @Field() title!: string;
  @Field() description!: string;
  @Field(() => IncidentStateEnum) state!: IncidentStatus;
  @Field(() => Int) impact!: number;
  @Field(() => Int) urgency!: number;
  @Field(() => IncidentPriorityEnum) priority!: IncidentPriority;
  @Field() callerId!: string;
  @Field(() => String, { nullable: true }) serviceId!: string | null;
  @Field() category!: string;
  @Field(() => String, { nullable: true }) assignmentGroup!: string | null;
  @Field(() => String, { nullable: true }) assignee!: string | null;
  @Field(() => IncidentHoldReasonEnum, { nullable: true }) holdReason!: IncidentHoldReason | null;
  @Field(() => IncidentResolution, { nullable: true }) resolution!: IncidentResolution | null;
  @Field(() => ReasonedFact, { nullable: true }) cancellation!: ReasonedFact | null;
  @Field() major!: boolean;
  @Field(() => ReasonedFact, { nullable: true }) majorIncident!: ReasonedFact | null;
  @Field(() => [String]) problemIds!: string[];
  @Field(() => [String]) changeIds!: string[];
  @Field(() => [JournalEntry], { description: 'Internal notes; empty for requesters' }) workNotes!: JournalEntry[];
  @Field(() => [JournalEntry]) comments!: JournalEntry[];
  @Field(() => [TimelineEntry]) timeline!: TimelineEntry[];
  @Field(() => Int) reopenCount!: number;
  @Field(() => DateTimeScalar) openedAt!: string;
  @Field(() => DateTimeScalar) updatedAt!: string;
  @Field({ description: 'Stream revision of the last event; pass as expectedVersion' }) version!: string;
  @Field(() => IncidentSla) sla!: IncidentSla;
}
