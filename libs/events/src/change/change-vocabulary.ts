/**
 * The words change events are written in. Each list is the full set of values a stored event may
 * hold, so adding a value is safe and removing or renaming one is not.
 */

/** STANDARD: pre-approved from a template; NORMAL: assessed and authorised by the CAB; EMERGENCY: authorised at once. */
export const changeTypes = ['STANDARD', 'NORMAL', 'EMERGENCY'] as const;
export type ChangeType = (typeof changeTypes)[number];

export const changeRisks = ['LOW', 'MODERATE', 'HIGH'] as const;
export type ChangeRisk = (typeof changeRisks)[number];

export const changeCloseCodes = ['SUCCESSFUL', 'SUCCESSFUL_WITH_ISSUES', 'UNSUCCESSFUL'] as const;
export type ChangeCloseCode = (typeof changeCloseCodes)[number];

/**
 * Why an approver was asked in a round: named on the CAB, named as an emergency approver, or the
 * change-manager approval a HIGH-risk change needs (any change manager may give it).
 */
export const approverKinds = ['CAB_MEMBER', 'EMERGENCY_APPROVER', 'CHANGE_MANAGER'] as const;
export type ApproverKind = (typeof approverKinds)[number];

/** One approval a round asks for; `subject` is null for the change-manager approval. */
export interface RequestedApproval {
  readonly kind: ApproverKind;
  readonly subject: string | null;
}

/** The plan a change carries, and a standard change template holds pre-approved. */
export interface ChangePlan {
  readonly implementationPlan: string;
  readonly backoutPlan: string;
  readonly testPlan: string;
}

/** A window in time, half-open: it ends at `end`, so one change may start where another ends. */
export interface TimeWindow {
  readonly start: string;
  readonly end: string;
}

/** Another change on an overlapping service with an overlapping window. */
export interface ChangeWindowConflict extends TimeWindow {
  readonly kind: 'CHANGE';
  readonly changeId: string;
  readonly number: string;
  /** The services both changes touch. */
  readonly serviceIds: readonly string[];
}

/** A tenant freeze the window overlaps. */
export interface BlackoutConflict extends TimeWindow {
  readonly kind: 'BLACKOUT';
  readonly windowId: string;
  readonly name: string;
}

export type ScheduleConflict = ChangeWindowConflict | BlackoutConflict;
