import { problemResolveCodes, type ProblemEvent, type ProblemResolveCode } from '#events';
import { DomainError } from '../domain-error.js';
import { optionalText, requireLevel, requireOneOf, requireText } from '../shared/input.guards.js';
import { priorityOf } from '../shared/priority.js';
import type {
  AssessProblem,
  CancelProblem,
  LogProblem,
  ReanalyzeProblem,
  RecordRootCause,
  ResolveProblem,
} from './problem.commands.js';
import { notFinalStatuses, requireProblem, requireStatus } from './problem.guards.js';
import type { ProblemState, ProblemStatus } from './problem.state.js';

/** Moves through the states of SPEC.md's problem diagram. */

export function decideLog(data: LogProblem['data'], state: ProblemState, now: string): ProblemEvent[] {
  if (state !== null) throw DomainError.invalidTransition(`Problem ${state.number} is already logged`);
  const impact = requireLevel(data.impact, 'impact');
  const urgency = requireLevel(data.urgency, 'urgency');
  return [
    {
      type: 'ProblemLogged',
      data: {
        problemId: requireText(data.problemId, 'problemId'),
        tenant: requireText(data.tenant, 'tenant'),
        number: requireText(data.number, 'number'),
        statement: requireText(data.statement, 'statement'),
        description: data.description,
        serviceId: optionalText(data.serviceId, 'serviceId'),
        impact,
        urgency,
        priority: priorityOf(impact, urgency),
        assignmentGroup: optionalText(data.assignmentGroup ?? null, 'assignmentGroup'),
        assignee: optionalText(data.assignee ?? null, 'assignee'),
        loggedAt: now,
      },
    },
  ];
}

export function decideAssess(data: AssessProblem['data'], state: ProblemState, now: string): ProblemEvent[] {
  const problem = requireProblem(state);
  const impact = requireLevel(data.impact, 'impact');
  const urgency = requireLevel(data.urgency, 'urgency');
  requireStatus(problem, ['NEW'], 'assess');
  return [{ type: 'ProblemAssessed', data: { impact, urgency, priority: priorityOf(impact, urgency), at: now } }];
}

export function decideStartAnalysis(state: ProblemState, now: string): ProblemEvent[] {
  requireStatus(requireProblem(state), ['ASSESSED'], 'start root cause analysis of');
  return [{ type: 'ProblemRootCauseAnalysisStarted', data: { at: now } }];
}

export function decideRootCause(data: RecordRootCause['data'], state: ProblemState, now: string): ProblemEvent[] {
  const problem = requireProblem(state);
  const rootCause = requireText(data.rootCause, 'rootCause');
  requireStatus(problem, ['ROOT_CAUSE_ANALYSIS'], 'record the root cause of');
  return [{ type: 'ProblemRootCauseRecorded', data: { rootCause, at: now } }];
}

/**
 * Where each code may be chosen, as a problem manager works: a fix is applied once it is in
 * progress; a risk is accepted once the cause is being analysed; a duplicate is seen from the
 * assessment on.
 */
const resolvableIn: { readonly [C in ProblemResolveCode]: readonly ProblemStatus[] } = {
  FIX_APPLIED: ['FIX_IN_PROGRESS'],
  RISK_ACCEPTED: ['ROOT_CAUSE_ANALYSIS', 'FIX_IN_PROGRESS'],
  DUPLICATE: ['ASSESSED', 'ROOT_CAUSE_ANALYSIS', 'FIX_IN_PROGRESS'],
};

export function decideResolve(data: ResolveProblem['data'], state: ProblemState, now: string): ProblemEvent[] {
  const problem = requireProblem(state);
  const resolutionCode = requireOneOf(data.resolutionCode, problemResolveCodes, 'resolutionCode');
  const duplicateOf = data.duplicateOf ?? null;
  if (resolutionCode === 'DUPLICATE') {
    requireText(duplicateOf ?? '', 'duplicateOf');
    if (duplicateOf === problem.problemId) throw DomainError.badUserInput('duplicateOf', 'A problem cannot duplicate itself');
  } else if (duplicateOf !== null) {
    throw DomainError.badUserInput('duplicateOf', 'duplicateOf is only for the code DUPLICATE');
  }
  requireStatus(problem, resolvableIn[resolutionCode], `resolve with ${resolutionCode}`);
  return [{ type: 'ProblemResolved', data: { resolutionCode, duplicateOf, resolutionNotes: data.resolutionNotes ?? '', at: now } }];
}

/** RESOLVED -> ROOT_CAUSE_ANALYSIS: the fix did not hold. */
export function decideReanalyze(data: ReanalyzeProblem['data'], state: ProblemState, now: string): ProblemEvent[] {
  const problem = requireProblem(state);
  const reason = requireText(data.reason, 'reason');
  requireStatus(problem, ['RESOLVED'], 're-analyse');
  return [{ type: 'ProblemReanalysisStarted', data: { reason, at: now } }];
}

export function decideClose(state: ProblemState, now: string): ProblemEvent[] {
  requireStatus(requireProblem(state), ['RESOLVED'], 'close');
  return [{ type: 'ProblemClosed', data: { at: now } }];
}

export function decideCancel(data: CancelProblem['data'], state: ProblemState, now: string): ProblemEvent[] {
  const problem = requireProblem(state);
  const reason = requireText(data.reason, 'reason');
  requireStatus(problem, notFinalStatuses, 'cancel');
  return [{ type: 'ProblemCanceled', data: { reason, at: now } }];
}
