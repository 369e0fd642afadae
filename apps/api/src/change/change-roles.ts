import type { Role } from '../auth/principal.js';

/*
 * Who does what with changes (the matrix is in the README). Requesters see no change at all;
 * approving additionally needs being named in the round, which the decider checks (FORBIDDEN).
 */

/** Everyone but requesters reads changes, templates, the schedule and the calendar feed. */
export const CHANGE_READERS: readonly Role[] = ['agent', 'problem_manager', 'change_manager', 'cab_member', 'auditor', 'automation', 'admin'];

/** Raise a change, shape it while NEW, submit it, link it. */
export const CHANGE_REQUESTERS: readonly Role[] = ['agent', 'problem_manager', 'change_manager', 'automation', 'admin'];

/** Run changes: assess, schedule, implement, review, cancel. Pipelines (automation) run standard changes end to end. */
export const CHANGE_RUNNERS: readonly Role[] = ['change_manager', 'automation', 'admin'];

/** Answer an approval round they are named in (or, for HIGH risk, the change-manager approval). */
export const CHANGE_APPROVERS: readonly Role[] = ['cab_member', 'change_manager'];

/** Keep the standard change templates, the change authority and the blackout windows. */
export const CHANGE_GOVERNORS: readonly Role[] = ['change_manager', 'admin'];
