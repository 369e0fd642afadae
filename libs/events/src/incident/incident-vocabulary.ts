/**
 * The words incident events are written in, besides the shared impact, urgency and priority
 * (shared/priority-vocabulary.ts). Each list is the full set of values a stored event may hold,
 * so adding a value is safe and removing or renaming one is not.
 */

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
  'CLEARED_BY_MONITORING',
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
