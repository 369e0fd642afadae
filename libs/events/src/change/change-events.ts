import type { DomainEvent } from '../domain-event.js';
import type { Level } from '../shared/priority-vocabulary.js';
import type {
  ChangeCloseCode,
  ChangePlan,
  ChangeRisk,
  ChangeType,
  RequestedApproval,
  ScheduleConflict,
} from './change-vocabulary.js';

/*
 * Payloads hold primitives only and record the instant the fact happened. Who did it, for which
 * tenant and why travel in the envelope metadata; approvers are named in the payload too, as the
 * approval itself is the fact.
 */

/** The template version a standard change was made from; its plan was copied into the change. */
export interface ChangeTemplateUse {
  readonly templateId: string;
  readonly version: number;
}

export type ChangeRequested = DomainEvent<
  'ChangeRequested',
  ChangePlan & {
    readonly changeId: string;
    readonly tenant: string;
    readonly number: string;
    readonly type: ChangeType;
    readonly title: string;
    readonly description: string;
    readonly justification: string;
    readonly serviceIds: readonly string[];
    readonly risk: ChangeRisk;
    readonly impact: Level;
    readonly requestedBy: string;
    readonly template: ChangeTemplateUse | null;
    readonly requestedAt: string;
  }
>;

/** Only the fields that changed are present. */
export type ChangeDetailsUpdated = DomainEvent<
  'ChangeDetailsUpdated',
  Partial<ChangePlan> & {
    readonly title?: string;
    readonly description?: string;
    readonly justification?: string;
    readonly serviceIds?: readonly string[];
    readonly at: string;
  }
>;

/** NORMAL <-> EMERGENCY, only while NEW. */
export type ChangeTypeChanged = DomainEvent<
  'ChangeTypeChanged',
  { readonly type: ChangeType; readonly previousType: ChangeType; readonly at: string }
>;

/** NEW -> ASSESS (NORMAL) or NEW -> AUTHORIZE (EMERGENCY, with an approval round). */
export type ChangeSubmitted = DomainEvent<'ChangeSubmitted', { readonly at: string }>;

/** ASSESS -> AUTHORIZE, followed by the round's ChangeApprovalRequested. */
export type ChangeRiskAssessed = DomainEvent<
  'ChangeRiskAssessed',
  { readonly risk: ChangeRisk; readonly impact: Level; readonly at: string }
>;

/** Entering AUTHORIZE fixes who must approve this round; later authority changes do not touch it. */
export type ChangeApprovalRequested = DomainEvent<
  'ChangeApprovalRequested',
  { readonly round: number; readonly approvals: readonly RequestedApproval[]; readonly at: string }
>;

/**
 * One approver's approval in a round. `asChangeManager`: it also gives the change-manager
 * approval of a HIGH-risk round.
 */
export type ChangeApproved = DomainEvent<
  'ChangeApproved',
  {
    readonly round: number;
    readonly approverId: string;
    readonly asChangeManager: boolean;
    readonly comment: string | null;
    readonly at: string;
  }
>;

/** The last approval of a round arrived: AUTHORIZE -> SCHEDULED. */
export type ChangeAuthorized = DomainEvent<'ChangeAuthorized', { readonly round: number; readonly at: string }>;

/** One rejection rejects the round: AUTHORIZE -> NEW, with the reason. */
export type ChangeRejected = DomainEvent<
  'ChangeRejected',
  {
    readonly round: number;
    readonly approverId: string;
    readonly asChangeManager: boolean;
    readonly reason: string;
    readonly at: string;
  }
>;

/**
 * The planned window, with the conflicts found when it was set (warnings; a STANDARD change
 * with conflicts is refused instead). `enteredScheduled`: a STANDARD change left NEW.
 */
export type ChangeScheduled = DomainEvent<
  'ChangeScheduled',
  {
    readonly plannedStart: string;
    readonly plannedEnd: string;
    readonly conflicts: readonly ScheduleConflict[];
    readonly enteredScheduled: boolean;
    readonly at: string;
  }
>;

/** SCHEDULED -> IMPLEMENT; `at` is the actual start. */
export type ChangeImplementationStarted = DomainEvent<'ChangeImplementationStarted', { readonly at: string }>;

/** IMPLEMENT -> REVIEW; `at` is the actual end. */
export type ChangeImplementationCompleted = DomainEvent<
  'ChangeImplementationCompleted',
  { readonly closeCode: ChangeCloseCode; readonly closeNotes: string; readonly at: string }
>;

/** REVIEW -> CLOSED, with the post-implementation review; the close code is repeated for readers of this event alone. */
export type ChangeReviewCompleted = DomainEvent<
  'ChangeReviewCompleted',
  { readonly reviewNotes: string; readonly closeCode: ChangeCloseCode; readonly at: string }
>;

export type ChangeCanceled = DomainEvent<'ChangeCanceled', { readonly reason: string; readonly at: string }>;

export type ChangeLinkedToIncident = DomainEvent<
  'ChangeLinkedToIncident',
  { readonly incidentId: string; readonly at: string }
>;

export type ChangeLinkedToProblem = DomainEvent<
  'ChangeLinkedToProblem',
  { readonly problemId: string; readonly at: string }
>;

export type ChangeEvent =
  | ChangeRequested
  | ChangeDetailsUpdated
  | ChangeTypeChanged
  | ChangeSubmitted
  | ChangeRiskAssessed
  | ChangeApprovalRequested
  | ChangeApproved
  | ChangeAuthorized
  | ChangeRejected
  | ChangeScheduled
  | ChangeImplementationStarted
  | ChangeImplementationCompleted
  | ChangeReviewCompleted
  | ChangeCanceled
  | ChangeLinkedToIncident
  | ChangeLinkedToProblem;

export type ChangeEventType = ChangeEvent['type'];
