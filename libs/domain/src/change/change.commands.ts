import type { DomainCommand } from '../domain-command.js';
import type { ChangeTemplate } from '../change-template/change-template.state.js';
import type { ChangeAuthority } from '../tenant/change-settings.state.js';
import type { ChangeCalendar } from './schedule-conflicts.js';

/*
 * One command per GraphQL mutation, named for the intent. Values that arrive from users are typed
 * loosely (`string`, `number`) where the decider checks them itself. What the server supplies
 * (the tenant's change authority, the template, the calendar of other changes) arrives as data,
 * so the decider stays pure and its tables can give any of it.
 */

/** The template a standard change names, as the server found it: null when there is none. */
export interface RequestedTemplate {
  readonly templateId: string;
  readonly current: ChangeTemplate | null;
}

interface PlanFields {
  readonly implementationPlan?: string;
  readonly backoutPlan?: string;
  readonly testPlan?: string;
}

/**
 * NORMAL and EMERGENCY changes carry their own plan and risk; a STANDARD one takes plan, services,
 * risk and impact from its template, and only its title, description and justification from here.
 */
export type RequestChange = DomainCommand<
  'RequestChange',
  PlanFields & {
    readonly changeId: string;
    readonly tenant: string;
    readonly number: string;
    readonly requestedBy: string;
    readonly type: string;
    readonly title?: string;
    readonly description?: string;
    readonly justification?: string;
    readonly serviceIds?: readonly string[];
    readonly risk?: string;
    readonly impact?: number;
    readonly template: RequestedTemplate | null;
  }
>;

/** Absent fields are left alone. */
export type UpdateChangeDetails = DomainCommand<
  'UpdateChangeDetails',
  PlanFields & {
    readonly title?: string;
    readonly description?: string;
    readonly justification?: string;
    readonly serviceIds?: readonly string[];
  }
>;

export type SetChangeType = DomainCommand<'SetChangeType', { readonly type: string }>;

/** `authority` is the tenant's at this instant: an EMERGENCY change enters AUTHORIZE with it. */
export type SubmitChange = DomainCommand<'SubmitChange', { readonly authority: ChangeAuthority }>;

/** Absent impact keeps the requested one. */
export type AssessChangeRisk = DomainCommand<
  'AssessChangeRisk',
  { readonly risk: string; readonly impact?: number; readonly authority: ChangeAuthority }
>;

/** `isChangeManager`: the principal holds the change_manager role, so may give a HIGH-risk round's change-manager approval. */
export type ApproveChange = DomainCommand<
  'ApproveChange',
  { readonly approverId: string; readonly isChangeManager: boolean; readonly comment?: string | null }
>;

export type RejectChange = DomainCommand<
  'RejectChange',
  { readonly approverId: string; readonly isChangeManager: boolean; readonly reason: string }
>;

/** `calendar`: the tenant's other planned changes and blackout windows, to find conflicts in. */
export type ScheduleChange = DomainCommand<
  'ScheduleChange',
  { readonly plannedStart: string; readonly plannedEnd: string; readonly calendar: ChangeCalendar }
>;

type NoData = Readonly<Record<string, never>>;

export type StartChangeImplementation = DomainCommand<'StartChangeImplementation', NoData>;

export type CompleteChangeImplementation = DomainCommand<
  'CompleteChangeImplementation',
  { readonly closeCode: string; readonly closeNotes: string }
>;

export type CompleteChangeReview = DomainCommand<'CompleteChangeReview', { readonly reviewNotes: string }>;

export type CancelChange = DomainCommand<'CancelChange', { readonly reason: string }>;

export type LinkChangeToIncident = DomainCommand<'LinkChangeToIncident', { readonly incidentId: string }>;

export type LinkChangeToProblem = DomainCommand<'LinkChangeToProblem', { readonly problemId: string }>;

export type ChangeCommand =
  | RequestChange
  | UpdateChangeDetails
  | SetChangeType
  | SubmitChange
  | AssessChangeRisk
  | ApproveChange
  | RejectChange
  | ScheduleChange
  | StartChangeImplementation
  | CompleteChangeImplementation
  | CompleteChangeReview
  | CancelChange
  | LinkChangeToIncident
  | LinkChangeToProblem;
