import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { ApprovalOutcome, ChangeStatus } from '#domain';
import type { ApproverKind, ChangeCloseCode, ChangeRisk, ChangeType } from '#events';
import { DateTimeScalar } from '../../graphql/date-time.scalar.js';
import { ReasonedFact, TimelineEntry } from '../../incident/graphql/incident.type.js';
import { Node } from '../../node/node.interface.js';
import {
  ApprovalDecisionEnum,
  ApprovalOutcomeEnum,
  ApproverKindEnum,
  ChangeCloseCodeEnum,
  ChangeRiskEnum,
  ChangeStateEnum,
  ChangeTypeEnum,
  ScheduleConflictKindEnum,
} from './change-enums.js';

@ObjectType({ description: 'One approval a round asks for' })
export class RequestedApproval {
  @Field(() => ApproverKindEnum, { description: 'Why it is asked for' }) kind!: ApproverKind;
  @Field(() => String, { nullable: true, description: 'Subject id of who is asked; null for the change-manager approval, which any change manager may give' })
  subject!: string | null;
}

@ObjectType({ description: 'One answer in an approval round' })
export class ApprovalAnswer {
  @Field({ description: 'Subject id of the approver' }) approverId!: string;
  @Field(() => ApprovalDecisionEnum, { description: 'What they answered' }) decision!: 'APPROVED' | 'REJECTED';
  @Field({ description: 'True when it also gave the change-manager approval of a HIGH-risk round' }) asChangeManager!: boolean;
  @Field(() => String, { nullable: true, description: "The approver's comment, or the rejection's reason" }) comment!: string | null;
  @Field(() => DateTimeScalar, { description: 'When they answered' }) at!: string;
}

@ObjectType({ description: 'One pass through AUTHORIZE: who was asked, who answered what and when, how it ended' })
export class ApprovalRound {
  @Field(() => Int, { description: '1 for the first round, one more after each rejection' }) round!: number;
  @Field(() => DateTimeScalar, { description: 'When the round started (the change entered AUTHORIZE)' }) requestedAt!: string;
  @Field(() => [RequestedApproval], { description: 'Everyone asked, fixed when the round started' }) approvals!: RequestedApproval[];
  @Field(() => [ApprovalAnswer], { description: 'The answers, oldest first' }) decisions!: ApprovalAnswer[];
  @Field(() => [RequestedApproval], { description: 'The approvals still awaited; empty once the round ended' }) pending!: RequestedApproval[];
  @Field(() => ApprovalOutcomeEnum, { description: 'How it ended, or PENDING' }) outcome!: ApprovalOutcome;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When it ended; null while PENDING' }) endedAt!: string | null;
}

@ObjectType({ description: 'What a planned window conflicts with' })
export class ScheduleConflict {
  @Field(() => ScheduleConflictKindEnum, { description: 'Another change, or a blackout window' }) kind!: 'CHANGE' | 'BLACKOUT';
  @Field(() => DateTimeScalar, { description: 'Start of the other window' }) start!: string;
  @Field(() => DateTimeScalar, { description: 'End of the other window' }) end!: string;
  @Field(() => ID, { nullable: true, description: 'CHANGE: the other change' }) changeId!: string | null;
  @Field(() => String, { nullable: true, description: 'CHANGE: its number' }) number!: string | null;
  @Field(() => [String], { description: 'CHANGE: the services both touch; empty for a blackout' }) serviceIds!: string[];
  @Field(() => ID, { nullable: true, description: 'BLACKOUT: the window' }) windowId!: string | null;
  @Field(() => String, { nullable: true, description: 'BLACKOUT: its name' }) name!: string | null;
}

@ObjectType({ description: 'The template version a standard change was made from' })
export class ChangeTemplateUse {
  @Field(() => ID, { description: 'The template' }) templateId!: string;
  @Field(() => Int, { description: 'Its version when the change was made' }) version!: number;
}

@ObjectType({ description: 'The last rejection of a change' })
export class ChangeRejection {
  @Field({ description: 'Why' }) reason!: string;
  @Field(() => DateTimeScalar, { description: 'When' }) at!: string;
  @Field(() => Int, { description: 'In which round' }) round!: number;
  @Field({ description: 'Subject id of who rejected it' }) approverId!: string;
}

@ObjectType('Change', { description: 'The addition, modification or removal of anything that could affect services', implements: () => [Node] })
export class ChangeModel implements Node {
  @Field(() => ID, { description: 'A UUID, unique across every record type' }) id!: string;
  @Field({ description: 'Human-readable, unique per tenant: CHG0001001' }) number!: string;
  @Field(() => ChangeTypeEnum, { description: 'How it is authorised' }) type!: ChangeType;
  @Field(() => ChangeStateEnum, { description: 'Where it is in its life cycle' }) state!: ChangeStatus;
  @Field({ description: 'A one-line summary' }) title!: string;
  @Field({ description: 'What will be done; may be empty' }) description!: string;
  @Field({ description: 'Why it is needed; may be empty' }) justification!: string;
  @Field(() => [String], { description: 'The services or configuration items it affects' }) serviceIds!: string[];
  @Field(() => ChangeRiskEnum, { description: 'As requested, or as assessed' }) risk!: ChangeRisk;
  @Field(() => Int, { description: 'How widely it may affect the business: 1 high .. 3 low' }) impact!: number;
  @Field({ description: 'How it will be done' }) implementationPlan!: string;
  @Field({ description: 'How it will be undone if it fails' }) backoutPlan!: string;
  @Field({ description: 'How success will be checked' }) testPlan!: string;
  @Field({ description: 'Subject id of who requested it' }) requestedBy!: string;
  @Field(() => DateTimeScalar, { description: 'When it was requested' }) requestedAt!: string;
  @Field(() => ChangeTemplateUse, { nullable: true, description: 'STANDARD: the template and version it was made from' }) template!: ChangeTemplateUse | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Planned start; null until scheduled' }) plannedStart!: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Planned end; null until scheduled' }) plannedEnd!: string | null;
  @Field(() => [ScheduleConflict], { description: 'What the window conflicted with when it was last set (changeSchedule shows them as they are now)' })
  conflicts!: ScheduleConflict[];
  @Field(() => DateTimeScalar, { nullable: true, description: 'When implementation started' }) actualStart!: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When implementation ended' }) actualEnd!: string | null;
  @Field(() => ChangeCloseCodeEnum, { nullable: true, description: 'How it went; set when implementation completes' }) closeCode!: ChangeCloseCode | null;
  @Field(() => String, { nullable: true, description: 'What happened during implementation' }) closeNotes!: string | null;
  @Field(() => String, { nullable: true, description: 'The post-implementation review; set at CLOSED' }) reviewNotes!: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was closed' }) closedAt!: string | null;
  @Field(() => ChangeRejection, { nullable: true, description: 'The last rejection, kept after resubmission (the rounds keep every one)' })
  rejection!: ChangeRejection | null;
  @Field(() => ReasonedFact, { nullable: true, description: 'Why and when it was canceled' }) cancellation!: ReasonedFact | null;
  @Field(() => [ApprovalRound], { description: 'Every approval round, oldest first' }) approvalRounds!: ApprovalRound[];
  @Field(() => [String], { description: 'Ids of the incidents it is linked to' }) incidentIds!: string[];
  @Field(() => [String], { description: 'Ids of the problems it is linked to' }) problemIds!: string[];
  @Field(() => [TimelineEntry], { description: 'Every step of the record, oldest first' }) timeline!: TimelineEntry[];
  @Field(() => DateTimeScalar, { description: 'When its last event was recorded' }) updatedAt!: string;
  @Field({ description: 'Stream revision of the last event; pass as expectedVersion' }) version!: string;
}
