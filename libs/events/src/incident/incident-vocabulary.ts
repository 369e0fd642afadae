/**
 * The words incident events are written in. Each list is the full set of values a stored event
 * may hold, so adding a value is safe and removing or renaming one is not.
 */

/** Impact and urgency: 1 high .. 3 low. */
export const incidentLevels = [1, 2, 3] as const;
export type IncidentLevel = (typeof incidentLevels)[number];

/** Derived from impact x urgency: P1 critical, P2 high, P3 moderate, P4 low, P5 planning. */
export const incidentPriorities = ['P1', 'P2', 'P3', 'P4', 'P5'] as const;
export type IncidentPriority = (typeof incidentPriorities)[number];

export const incidentHoldReasons = [
  'AWAITING_CALLER',
  'AWAITING_VENDOR',
  'AWAITING_CHANGE',
  'AWAITING_PROBLEM',
] as const;
export type IncidentHoldReason = (typeof incidentHoldReasons)[number];

export const incidentResolutionCodes = [
  'SOLVED_PERMANENTLY',
  'SOLVED_WORKAROUND',
  'NOT_REPRODUCIBLE',
  'DUPLICATE',
  'RESOLVED_BY_CALLER',
  'RESOLVED_BY_PROBLEM',
  'RESOLVED_BY_CHANGE',
] as const;
export type IncidentResolutionCode = (typeof incidentResolutionCodes)[number];

/** Response: met when the incident first leaves NEW. Resolution: met at RESOLVED. */
export const incidentSlaTimerNames = ['RESPONSE', 'RESOLUTION'] as const;
export type IncidentSlaTimer = (typeof incidentSlaTimerNames)[number];

/** The targets the SLA clock measures against, in minutes of running (not paused) time. */
export interface IncidentSlaTargets {
  readonly responseMinutes: number;
  readonly resolutionMinutes: number;
}
