import type { EventContract } from '../event-contract.js';
import type { ProblemEvent, ProblemEventType } from './problem-events.js';

/** The names problem events are stored under; never rename one (see incident contracts). */
const storedNames = {
  ProblemLogged: 'problem.logged.v1',
  ProblemAssessed: 'problem.assessed.v1',
  ProblemAssigned: 'problem.assigned.v1',
  ProblemRootCauseAnalysisStarted: 'problem.root-cause-analysis-started.v1',
  ProblemRootCauseRecorded: 'problem.root-cause-recorded.v1',
  ProblemWorkaroundDocumented: 'problem.workaround-documented.v1',
  ProblemMarkedKnownError: 'problem.marked-known-error.v1',
  ProblemFixingChangeRecorded: 'problem.fixing-change-recorded.v1',
  ProblemResolved: 'problem.resolved.v1',
  ProblemReanalysisStarted: 'problem.reanalysis-started.v1',
  ProblemClosed: 'problem.closed.v1',
  ProblemCanceled: 'problem.canceled.v1',
  ProblemFlaggedForFollowUp: 'problem.flagged-for-follow-up.v1',
} as const satisfies { readonly [T in ProblemEventType]: `problem.${string}.v${number}` };

export const problemEventTypes = Object.keys(storedNames) as readonly ProblemEventType[];

export const problemEventContracts: readonly EventContract<ProblemEvent>[] = problemEventTypes.map((type) => ({
  type,
  storedName: storedNames[type],
}));
