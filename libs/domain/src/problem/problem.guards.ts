import { DomainError } from '../domain-error.js';
import { refuseNoChangeOf, requireStatusOf } from '../shared/state.guards.js';
import type { Problem, ProblemState, ProblemStatus } from './problem.state.js';

/** Every state but CLOSED: where a problem may still be worked on. */
export const notFinalStatuses: readonly ProblemStatus[] = ['NEW', 'ASSESSED', 'ROOT_CAUSE_ANALYSIS', 'FIX_IN_PROGRESS', 'RESOLVED'];

/** SPEC: "from ASSESSED on" a problem with a workaround may be published as a known error. */
export const assessedStatuses: readonly ProblemStatus[] = ['ASSESSED', 'ROOT_CAUSE_ANALYSIS', 'FIX_IN_PROGRESS', 'RESOLVED'];

export function requireProblem(state: ProblemState): Problem {
  if (state === null) throw DomainError.notFound('Problem not found');
  return state;
}

export function requireStatus(problem: Problem, allowed: readonly ProblemStatus[], action: string): void {
  requireStatusOf('problem', problem, allowed, action);
}

export function refuseNoChange(problem: Problem, what: string): never {
  return refuseNoChangeOf('problem', problem, what);
}
