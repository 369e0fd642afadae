import type { AlertSeverity, IncidentHoldReason, IncidentResolutionCode, IncidentSlaTimer } from '#events';
import type { DomainCommand } from '../domain-command.js';
import type { IncidentSlaPolicy } from './incident-sla-policy.js';

/*
 * One command per GraphQL mutation, named for the intent. Values that arrive from users are
 * typed loosely where the decider checks them itself (levels as `number`), so the check cannot
 * be skipped by a caller that trusted the type.
 */

/**
 * `number` is allocated by the caller. `slaPolicy` is the tenant's policy: the decider picks
 * the targets of the priority it derives, so the caller never computes a priority.
 */
export type OpenIncident = DomainCommand<
  'OpenIncident',
  {
    readonly incidentId: string;
    readonly tenant: string;
    readonly number: string;
    readonly title: string;
    readonly description: string;
    readonly callerId: string;
    readonly serviceId: string | null;
    readonly category: string;
    readonly impact: number;
    readonly urgency: number;
    readonly assignmentGroup?: string | null;
    readonly assignee?: string | null;
    readonly slaPolicy: IncidentSlaPolicy;
  }
>;

/**
 * Absent fields keep their value, null clears. Changing the group without naming an assignee
 * clears the assignee, as ServiceNow does: the new group picks its own person.
 */
export type AssignIncident = DomainCommand<
  'AssignIncident',
  { readonly assignmentGroup?: string | null; readonly assignee?: string | null }
>;

/** For commands whose whole meaning is their type. */
type NoData = Readonly<Record<string, never>>;

export type StartIncidentWork = DomainCommand<'StartIncidentWork', NoData>;

export type PutIncidentOnHold = DomainCommand<
  'PutIncidentOnHold',
  { readonly holdReason: IncidentHoldReason }
>;

export type ResumeIncident = DomainCommand<'ResumeIncident', NoData>;

export type ReprioritizeIncident = DomainCommand<
  'ReprioritizeIncident',
  {
    readonly impact: number;
    readonly urgency: number;
    readonly reason: string;
    readonly slaPolicy: IncidentSlaPolicy;
  }
>;

/** Absent fields are left alone; a null `serviceId` clears the affected service. */
export type UpdateIncidentDetails = DomainCommand<
  'UpdateIncidentDetails',
  {
    readonly title?: string;
    readonly description?: string;
    readonly category?: string;
    readonly serviceId?: string | null;
  }
>;

export type AddIncidentWorkNote = DomainCommand<'AddIncidentWorkNote', { readonly text: string }>;

export type AddIncidentComment = DomainCommand<'AddIncidentComment', { readonly text: string }>;

export type ResolveIncident = DomainCommand<
  'ResolveIncident',
  { readonly resolutionCode: IncidentResolutionCode; readonly resolutionNotes: string }
>;

/**
 * A person closes at will; the timer worker closes automatically and says after how many days
 * (tenant setting), so a stale timer from an earlier resolution cannot close a later one early.
 */
export type CloseIncident = DomainCommand<
  'CloseIncident',
  { readonly automatic: false } | { readonly automatic: true; readonly autoCloseAfterDays: number }
>;

export type ReopenIncident = DomainCommand<'ReopenIncident', { readonly reason: string }>;

export type CancelIncident = DomainCommand<'CancelIncident', { readonly reason: string }>;

export type DeclareMajorIncident = DomainCommand<'DeclareMajorIncident', { readonly reason: string }>;

export type LinkIncidentToProblem = DomainCommand<
  'LinkIncidentToProblem',
  { readonly problemId: string }
>;

/** Removes the incident's link to its problem; `problemId` is the one the caller saw linked. */
export type UnlinkIncidentFromProblem = DomainCommand<
  'UnlinkIncidentFromProblem',
  { readonly problemId: string }
>;

export type LinkIncidentToChange = DomainCommand<'LinkIncidentToChange', { readonly changeId: string }>;

/** Issued by the change follow-up process when a linked change closes UNSUCCESSFUL. */
export type FlagIncidentForFollowUp = DomainCommand<
  'FlagIncidentForFollowUp',
  { readonly changeId: string; readonly changeNumber: string }
>;

/** Issued by the timer worker when `nextSlaDeadline` falls due. */
export type RecordIncidentSlaWarning = DomainCommand<
  'RecordIncidentSlaWarning',
  { readonly timer: IncidentSlaTimer }
>;

export type RecordIncidentSlaBreach = DomainCommand<
  'RecordIncidentSlaBreach',
  { readonly timer: IncidentSlaTimer }
>;

/** What a monitoring tool says of an alert each time it sends it. */
export interface IncidentAlert {
  readonly source: string;
  readonly fingerprint: string;
  readonly severity: AlertSeverity;
  readonly summary: string;
}

/**
 * Opens the incident of an alert's episode, or counts a repeat on it while it is active. A repeat
 * sends no `open` fields (allocating a number for each would leave gaps in numbering): on an
 * incident that does not exist it is NOT_FOUND.
 */
export type RaiseIncidentAlert = DomainCommand<
  'RaiseIncidentAlert',
  { readonly open: OpenIncident['data'] | null; readonly alert: IncidentAlert }
>;

/** `resolve` is the tenant's alert policy. */
export type ClearIncidentAlert = DomainCommand<'ClearIncidentAlert', { readonly resolve: boolean }>;

export type IncidentCommand =
  | OpenIncident
  | AssignIncident
  | StartIncidentWork
  | PutIncidentOnHold
  | ResumeIncident
  | ReprioritizeIncident
  | UpdateIncidentDetails
  | AddIncidentWorkNote
  | AddIncidentComment
  | ResolveIncident
  | CloseIncident
  | ReopenIncident
  | CancelIncident
  | DeclareMajorIncident
  | LinkIncidentToProblem
  | UnlinkIncidentFromProblem
  | LinkIncidentToChange
  | FlagIncidentForFollowUp
  | RecordIncidentSlaWarning
  | RecordIncidentSlaBreach
  | RaiseIncidentAlert
  | ClearIncidentAlert;
