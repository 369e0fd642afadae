import { changeCloseCodes, type ChangeCloseCode, type ChangeEvent } from '#events';
import { DomainError } from '../domain-error.js';
import { toEpochMs } from '../instant.js';
import { requireOneOf, requireText } from '../shared/input.guards.js';
import type {
  CancelChange,
  CompleteChangeImplementation,
  CompleteChangeReview,
  LinkChangeToIncident,
  LinkChangeToProblem,
  ScheduleChange,
} from './change.commands.js';
import { cancelableStatuses, openStatuses, requireChange, requireInstant, requireStatus } from './change.guards.js';
import type { Change, ChangeState, ChangeStatus } from './change.state.js';
import { findScheduleConflicts } from './schedule-conflicts.js';

/** Planning the window, doing the work, reviewing it; cancelling and linking. */

/** A STANDARD change is planned from NEW into SCHEDULED; others may be (re)planned until they are implemented. */
function schedulableIn(change: Change): readonly ChangeStatus[] {
  return change.type === 'STANDARD' ? ['NEW', 'SCHEDULED'] : ['NEW', 'ASSESS', 'AUTHORIZE', 'SCHEDULED'];
}

/**
 * Sets the planned window and reports what it conflicts with: warnings on NORMAL and EMERGENCY
 * changes, a refusal (SCHEDULE_CONFLICT, nothing appended) on a STANDARD one, whose
 * pre-approval holds only for a clear window.
 */
export function decideSchedule(data: ScheduleChange['data'], state: ChangeState, now: string): ChangeEvent[] {
  const change = requireChange(state);
  const plannedStart = requireInstant(data.plannedStart, 'plannedStart');
  const plannedEnd = requireInstant(data.plannedEnd, 'plannedEnd');
  if (toEpochMs(plannedEnd) <= toEpochMs(plannedStart)) {
    throw DomainError.badUserInput('plannedEnd', 'plannedEnd must be after plannedStart');
  }
  requireStatus(change, schedulableIn(change), 'schedule');
  if (change.plannedStart === plannedStart && change.plannedEnd === plannedEnd) {
    throw DomainError.invalidTransition(`Change ${change.number} is already planned for this window`);
  }
  const window = { start: plannedStart, end: plannedEnd };
  const conflicts = findScheduleConflicts({ changeId: change.changeId, serviceIds: change.serviceIds, window }, data.calendar);
  if (change.type === 'STANDARD' && conflicts.length > 0) {
    const names = conflicts.map((conflict) => (conflict.kind === 'CHANGE' ? conflict.number : conflict.name));
    throw DomainError.scheduleConflict(`STANDARD change ${change.number} cannot be planned for a window that conflicts with ${names.join(', ')}`);
  }
  const enteredScheduled = change.type === 'STANDARD' && change.status === 'NEW';
  return [{ type: 'ChangeScheduled', data: { plannedStart, plannedEnd, conflicts, enteredScheduled, at: now } }];
}

/** SCHEDULED -> IMPLEMENT; now is the actual start. */
export function decideStart(state: ChangeState, now: string): ChangeEvent[] {
  const change = requireChange(state);
  requireStatus(change, ['SCHEDULED'], 'start implementing');
  return [{ type: 'ChangeImplementationStarted', data: { at: now } }];
}

/** IMPLEMENT -> REVIEW with the close code; now is the actual end. */
export function decideComplete(data: CompleteChangeImplementation['data'], state: ChangeState, now: string): ChangeEvent[] {
  const change = requireChange(state);
  const closeCode = requireOneOf(data.closeCode as ChangeCloseCode, changeCloseCodes, 'closeCode');
  const closeNotes = requireText(data.closeNotes, 'closeNotes');
  requireStatus(change, ['IMPLEMENT'], 'complete the implementation of');
  return [{ type: 'ChangeImplementationCompleted', data: { closeCode, closeNotes, at: now } }];
}

/** REVIEW -> CLOSED with the post-implementation review. */
export function decideReview(data: CompleteChangeReview['data'], state: ChangeState, now: string): ChangeEvent[] {
  const change = requireChange(state);
  const reviewNotes = requireText(data.reviewNotes, 'reviewNotes');
  requireStatus(change, ['REVIEW'], 'complete the review of');
  const closeCode = change.closeCode as ChangeCloseCode;
  return [{ type: 'ChangeReviewCompleted', data: { reviewNotes, closeCode, at: now } }];
}

export function decideCancel(data: CancelChange['data'], state: ChangeState, now: string): ChangeEvent[] {
  const change = requireChange(state);
  const reason = requireText(data.reason, 'reason');
  requireStatus(change, cancelableStatuses, 'cancel');
  return [{ type: 'ChangeCanceled', data: { reason, at: now } }];
}

export function decideIncidentLink(data: LinkChangeToIncident['data'], state: ChangeState, now: string): ChangeEvent[] {
  const change = requireChange(state);
  const incidentId = requireText(data.incidentId, 'incidentId');
  requireStatus(change, openStatuses, 'link an incident to');
  if (change.incidentIds.includes(incidentId)) {
    throw DomainError.invalidTransition(`Change ${change.number} is already linked to incident ${incidentId}`);
  }
  return [{ type: 'ChangeLinkedToIncident', data: { incidentId, at: now } }];
}

export function decideProblemLink(data: LinkChangeToProblem['data'], state: ChangeState, now: string): ChangeEvent[] {
  const change = requireChange(state);
  const problemId = requireText(data.problemId, 'problemId');
  requireStatus(change, openStatuses, 'link a problem to');
  if (change.problemIds.includes(problemId)) {
    throw DomainError.invalidTransition(`Change ${change.number} is already linked to problem ${problemId}`);
  }
  return [{ type: 'ChangeLinkedToProblem', data: { problemId, at: now } }];
}
