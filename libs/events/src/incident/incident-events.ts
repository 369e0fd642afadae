import type { AlertSeverity } from '../alert/alert-vocabulary.js';
import type { DomainEvent } from '../domain-event.js';
import type { Level, Priority } from '../shared/priority-vocabulary.js';
import type {
  IncidentHoldReason,
  IncidentResolutionCode,
  IncidentSlaTargets,
  IncidentSlaTimer,
} from './incident-vocabulary.js';

/*
 * Payloads hold primitives only and record the instant the fact happened (`openedAt`, `at`).
 * Who did it, for which tenant and why it was asked travel in the envelope metadata.
 */

/** `tenant` is part of the record's identity: numbers are unique per tenant only. */
export type IncidentOpened = DomainEvent<
  'IncidentOpened',
  {
    readonly incidentId: string;
    readonly tenant: string;
    readonly number: string;
    readonly title: string;
    readonly description: string;
    readonly callerId: string;
    readonly serviceId: string | null;
    readonly category: string;
    readonly impact: Level;
    readonly urgency: Level;
    readonly priority: Priority;
    readonly assignmentGroup: string | null;
    readonly assignee: string | null;
    readonly slaTargets: IncidentSlaTargets;
    readonly openedAt: string;
  }
>;

/** The whole assignment after the change, so a reader never has to merge. */
export type IncidentAssigned = DomainEvent<
  'IncidentAssigned',
  { readonly assignmentGroup: string | null; readonly assignee: string | null; readonly at: string }
>;

/** NEW -> IN_PROGRESS; meets the response target. */
export type IncidentWorkStarted = DomainEvent<'IncidentWorkStarted', { readonly at: string }>;

export type IncidentPutOnHold = DomainEvent<
  'IncidentPutOnHold',
  { readonly holdReason: IncidentHoldReason; readonly at: string }
>;

export type IncidentResumed = DomainEvent<'IncidentResumed', { readonly at: string }>;

export type IncidentReprioritized = DomainEvent<
  'IncidentReprioritized',
  {
    readonly impact: Level;
    readonly urgency: Level;
    readonly priority: Priority;
    readonly previousPriority: Priority;
    readonly reason: string;
    readonly slaTargets: IncidentSlaTargets;
    readonly at: string;
  }
>;

/** Only the fields that changed are present; a null `serviceId` clears the affected service. */
export type IncidentDetailsUpdated = DomainEvent<
  'IncidentDetailsUpdated',
  {
    readonly title?: string;
    readonly description?: string;
    readonly category?: string;
    readonly serviceId?: string | null;
    readonly at: string;
  }
>;

/** Internal, for the people working the incident. */
export type IncidentWorkNoteAdded = DomainEvent<
  'IncidentWorkNoteAdded',
  { readonly text: string; readonly at: string }
>;

/** Visible to the caller. */
export type IncidentCommentAdded = DomainEvent<
  'IncidentCommentAdded',
  { readonly text: string; readonly at: string }
>;

export type IncidentResolved = DomainEvent<
  'IncidentResolved',
  {
    readonly resolutionCode: IncidentResolutionCode;
    readonly resolutionNotes: string;
    readonly at: string;
  }
>;

export type IncidentClosed = DomainEvent<
  'IncidentClosed',
  { readonly automatic: boolean; readonly at: string }
>;

export type IncidentReopened = DomainEvent<
  'IncidentReopened',
  { readonly reason: string; readonly at: string }
>;

export type IncidentCanceled = DomainEvent<
  'IncidentCanceled',
  { readonly reason: string; readonly at: string }
>;

export type MajorIncidentDeclared = DomainEvent<
  'MajorIncidentDeclared',
  { readonly reason: string; readonly at: string }
>;

/** An incident names at most one problem: a link to another one replaces the earlier link. */
export type IncidentLinkedToProblem = DomainEvent<
  'IncidentLinkedToProblem',
  { readonly problemId: string; readonly at: string }
>;

export type IncidentUnlinkedFromProblem = DomainEvent<
  'IncidentUnlinkedFromProblem',
  { readonly problemId: string; readonly at: string }
>;

export type IncidentLinkedToChange = DomainEvent<
  'IncidentLinkedToChange',
  { readonly changeId: string; readonly at: string }
>;

/**
 * A change this incident is linked to closed UNSUCCESSFUL: someone should look at the incident
 * again. Recorded by the change follow-up process, naming the change as the cause.
 */
export type IncidentFlaggedForFollowUp = DomainEvent<
  'IncidentFlaggedForFollowUp',
  { readonly changeId: string; readonly changeNumber: string; readonly at: string }
>;

/**
 * `at` is the instant the threshold was crossed, not when it was recorded, so history stays
 * true when the timer worker runs late. Priority and target are those it was measured against.
 */
interface SlaThresholdReached {
  readonly timer: IncidentSlaTimer;
  readonly priority: Priority;
  readonly targetMinutes: number;
  readonly at: string;
}

/** 75 % of the target elapsed. */
export type IncidentSlaWarningReached = DomainEvent<
  'IncidentSlaWarningReached',
  SlaThresholdReached
>;

/** 100 % of the target elapsed. */
export type IncidentSlaBreached = DomainEvent<'IncidentSlaBreached', SlaThresholdReached>;

/**
 * A monitoring tool's alert reached the incident: the one that opened it, and each repeat while
 * it is open. Occurrences are counted by these events; `summary` is what the tool said this time.
 */
export type IncidentAlertReceived = DomainEvent<
  'IncidentAlertReceived',
  {
    readonly source: string;
    readonly fingerprint: string;
    readonly severity: AlertSeverity;
    readonly summary: string;
    readonly at: string;
  }
>;

/** The tool said the alert is over; the tenant's alert policy says whether that resolves it too. */
export type IncidentAlertCleared = DomainEvent<'IncidentAlertCleared', { readonly at: string }>;

export type IncidentEvent =
  | IncidentOpened
  | IncidentAssigned
  | IncidentWorkStarted
  | IncidentPutOnHold
  | IncidentResumed
  | IncidentReprioritized
  | IncidentDetailsUpdated
  | IncidentWorkNoteAdded
  | IncidentCommentAdded
  | IncidentResolved
  | IncidentClosed
  | IncidentReopened
  | IncidentCanceled
  | MajorIncidentDeclared
  | IncidentLinkedToProblem
  | IncidentUnlinkedFromProblem
  | IncidentLinkedToChange
  | IncidentFlaggedForFollowUp
  | IncidentSlaWarningReached
  | IncidentSlaBreached
  | IncidentAlertReceived
  | IncidentAlertCleared;

export type IncidentEventType = IncidentEvent['type'];
