import type { ProblemEvent, ProblemEventType } from '#events';
import { msPerMinute, toEpochMs, toInstant } from '../instant.js';
import type { ProblemCommand } from '../problem/problem.commands.js';
import type { ProblemStatus } from '../problem/problem.state.js';

/*
 * Test data for the problem decider, in minutes after the instant the problem was logged. The
 * default problem is P3 (impact 2, urgency 2).
 */

const loggedInstant = '2026-03-02T09:00:00.000Z';

export function at(minutes: number): string {
  return toInstant(toEpochMs(loggedInstant) + minutes * msPerMinute);
}

type CommandOf<T extends ProblemCommand['type']> = Extract<ProblemCommand, { type: T }>;
type EventOf<T extends ProblemEventType> = Extract<ProblemEvent, { type: T }>;

/** A command decided `minutes` after the problem was logged (10 unless said). */
export function problemCommand<T extends ProblemCommand['type']>(type: T, data: CommandOf<T>['data'], minutes = 10): CommandOf<T> {
  return { type, data, metadata: { now: at(minutes) } } as CommandOf<T>;
}

export function problemEvent<T extends ProblemEventType>(type: T, data: EventOf<T>['data']): EventOf<T> {
  return { type, data } as EventOf<T>;
}

export const logData = {
  problemId: 'problem-1',
  tenant: 'tenant-a',
  number: 'PRB0001001',
  statement: 'Mail server drops connections under load',
  description: 'Several incidents a week since the upgrade',
  serviceId: 'email',
  impact: 2,
  urgency: 2,
  assignmentGroup: 'messaging',
} as const;

export const logged = problemEvent('ProblemLogged', {
  ...logData,
  priority: 'P3',
  assignee: null,
  loggedAt: at(0),
});

export const assessed = problemEvent('ProblemAssessed', { impact: 2, urgency: 2, priority: 'P3', at: at(1) });
export const analysisStarted = problemEvent('ProblemRootCauseAnalysisStarted', { at: at(2) });
export const rootCauseRecorded = problemEvent('ProblemRootCauseRecorded', { rootCause: 'Connection pool too small', at: at(3) });
export const workaroundDocumented = (minutes: number, workaround = 'Restart the mail relay') =>
  problemEvent('ProblemWorkaroundDocumented', { workaround, at: at(minutes) });
export const fixApplied = problemEvent('ProblemResolved', {
  resolutionCode: 'FIX_APPLIED',
  duplicateOf: null,
  resolutionNotes: 'Pool enlarged',
  at: at(4),
});
export const problemClosed = problemEvent('ProblemClosed', { at: at(5) });

const inFix = [logged, assessed, analysisStarted, rootCauseRecorded];

/** A short history leading to each state, every event before minute 10. */
export const problemHistoryIn: { readonly [S in ProblemStatus]: readonly ProblemEvent[] } = {
  NEW: [logged],
  ASSESSED: [logged, assessed],
  ROOT_CAUSE_ANALYSIS: [logged, assessed, analysisStarted],
  FIX_IN_PROGRESS: inFix,
  RESOLVED: [...inFix, fixApplied],
  CLOSED: [...inFix, fixApplied, problemClosed],
};
