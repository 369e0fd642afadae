/**
 * The words every ITSM record is rated in (incidents and problems alike). As with every
 * vocabulary of stored events, a value may be added but never removed or renamed.
 */

/** Impact and urgency: 1 high .. 3 low. */
export const levels = [1, 2, 3] as const;
export type Level = (typeof levels)[number];

/** Derived from impact x urgency: P1 critical, P2 high, P3 moderate, P4 low, P5 planning. */
export const priorities = ['P1', 'P2', 'P3', 'P4', 'P5'] as const;
export type Priority = (typeof priorities)[number];
