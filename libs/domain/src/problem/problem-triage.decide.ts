import type { ProblemEvent } from '#events';
import { DomainError } from '../domain-error.js';
import { optionalText, requireText } from '../shared/input.guards.js';
import type {
  AssignProblem,
  DocumentProblemWorkaround,
  MarkKnownError,
  RecordProblemFixingChange,
} from './problem.commands.js';
import { assessedStatuses, notFinalStatuses, refuseNoChange, requireProblem, requireStatus } from './problem.guards.js';
import type { ProblemState } from './problem.state.js';

/** Who works it, its workaround, its publication as a known error, and the change that fixes it. */

export function decideAssign(data: AssignProblem['data'], state: ProblemState, now: string): ProblemEvent[] {
  const problem = requireProblem(state);
  if (data.assignmentGroup === undefined && data.assignee === undefined)
    throw DomainError.badUserInput('assignee', 'Give an assignment group, an assignee or both');
  const assignmentGroup =
    data.assignmentGroup === undefined ? problem.assignmentGroup : optionalText(data.assignmentGroup, 'assignmentGroup');
  const groupChanged = assignmentGroup !== problem.assignmentGroup;
  const assignee =
    data.assignee === undefined ? (groupChanged ? null : problem.assignee) : optionalText(data.assignee, 'assignee');
  requireStatus(problem, notFinalStatuses, 'assign');
  if (!groupChanged && assignee === problem.assignee) refuseNoChange(problem, 'already has this assignment');
  return [{ type: 'ProblemAssigned', data: { assignmentGroup, assignee, at: now } }];
}

export function decideWorkaround(data: DocumentProblemWorkaround['data'], state: ProblemState, now: string): ProblemEvent[] {
  const problem = requireProblem(state);
  const workaround = requireText(data.workaround, 'workaround');
  requireStatus(problem, notFinalStatuses, 'document a workaround for');
  if (workaround === problem.workaround) refuseNoChange(problem, 'already has this workaround');
  return [{ type: 'ProblemWorkaroundDocumented', data: { workaround, at: now } }];
}

/** Needs a documented workaround: a known error is published for people to apply it. */
export function decideKnownError(data: MarkKnownError['data'], state: ProblemState, now: string): ProblemEvent[] {
  const problem = requireProblem(state);
  const given = data.workaround === undefined ? undefined : requireText(data.workaround, 'workaround');
  requireStatus(problem, assessedStatuses, 'mark as a known error');
  if (problem.knownError) refuseNoChange(problem, 'is already a known error');
  const documented: ProblemEvent[] =
    given !== undefined && given !== problem.workaround ? [{ type: 'ProblemWorkaroundDocumented', data: { workaround: given, at: now } }] : [];
  if (documented.length === 0 && problem.workaround === null)
    throw DomainError.invalidTransition(`Problem ${problem.number} has no workaround to publish`);
  return [...documented, { type: 'ProblemMarkedKnownError', data: { at: now } }];
}

/** Once the cause is being analysed; a later record names a different change. */
export function decideFixingChange(data: RecordProblemFixingChange['data'], state: ProblemState, now: string): ProblemEvent[] {
  const problem = requireProblem(state);
  const changeId = requireText(data.changeId, 'changeId');
  requireStatus(problem, ['ROOT_CAUSE_ANALYSIS', 'FIX_IN_PROGRESS'], 'record the fixing change of');
  if (changeId === problem.fixingChangeId) refuseNoChange(problem, `is already fixed by change ${changeId}`);
  return [{ type: 'ProblemFixingChangeRecorded', data: { changeId, at: now } }];
}
