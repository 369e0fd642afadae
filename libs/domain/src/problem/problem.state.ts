import type { ChangeFollowUp } from '../shared/follow-up.js';
import type { Level, Priority, ProblemEvent, ProblemLogged, ProblemResolutionCode } from '#events';

/** SPEC's states; CLOSED is final, and a canceled problem is CLOSED with the code CANCELED. */
export const problemStatuses = ['NEW', 'ASSESSED', 'ROOT_CAUSE_ANALYSIS', 'FIX_IN_PROGRESS', 'RESOLVED', 'CLOSED'] as const;
export type ProblemStatus = (typeof problemStatuses)[number];

export interface ProblemResolution {
  readonly code: ProblemResolutionCode;
  /** The problem this one duplicates, for DUPLICATE. */
  readonly duplicateOf: string | null;
  /** The resolution notes, or the reason of a cancellation. */
  readonly notes: string;
  readonly at: string;
}

/**
 * A problem as folded from its own events: what `decide` needs and the fields an as-of view
 * shows. The incidents linked to it are the incidents' facts (each names its problem), so the
 * read model lists them, not this state.
 */
export interface Problem {
  readonly problemId: string;
  readonly tenant: string;
  readonly number: string;
  readonly status: ProblemStatus;
  readonly statement: string;
  readonly description: string;
  readonly serviceId: string | null;
  readonly impact: Level;
  readonly urgency: Level;
  readonly priority: Priority;
  readonly assignmentGroup: string | null;
  readonly assignee: string | null;
  readonly rootCause: string | null;
  readonly workaround: string | null;
  readonly knownError: boolean;
  readonly fixingChangeId: string | null;
  /** Changes that closed UNSUCCESSFUL while linked to it, oldest first: it needs a look again. */
  readonly followUps: readonly ChangeFollowUp[];
  /** The current resolution; cleared by a re-analysis (history keeps the earlier ones). */
  readonly resolution: ProblemResolution | null;
  readonly loggedAt: string;
  readonly updatedAt: string;
}

/** Null until the problem is logged. */
export type ProblemState = Problem | null;

export const initialProblemState: ProblemState = null;

function loggedProblem({ loggedAt, ...fields }: ProblemLogged['data']): Problem {
  return {
    ...fields,
    status: 'NEW',
    rootCause: null,
    workaround: null,
    knownError: false,
    fixingChangeId: null,
    followUps: [],
    resolution: null,
    loggedAt,
    updatedAt: loggedAt,
  };
}

function evolveExistingProblem(problem: Problem, event: ProblemEvent): Problem {
  switch (event.type) {
    case 'ProblemLogged':
      return problem;
    case 'ProblemAssessed': {
      const { impact, urgency, priority } = event.data;
      return { ...problem, status: 'ASSESSED', impact, urgency, priority };
    }
    case 'ProblemAssigned':
      return { ...problem, assignmentGroup: event.data.assignmentGroup, assignee: event.data.assignee };
    case 'ProblemRootCauseAnalysisStarted':
      return { ...problem, status: 'ROOT_CAUSE_ANALYSIS' };
    case 'ProblemRootCauseRecorded':
      return { ...problem, status: 'FIX_IN_PROGRESS', rootCause: event.data.rootCause };
    case 'ProblemWorkaroundDocumented':
      return { ...problem, workaround: event.data.workaround };
    case 'ProblemMarkedKnownError':
      return { ...problem, knownError: true };
    case 'ProblemFixingChangeRecorded':
      return { ...problem, fixingChangeId: event.data.changeId };
    case 'ProblemResolved': {
      const { resolutionCode: code, duplicateOf, resolutionNotes: notes, at } = event.data;
      return { ...problem, status: 'RESOLVED', resolution: { code, duplicateOf, notes, at } };
    }
    case 'ProblemReanalysisStarted':
      return { ...problem, status: 'ROOT_CAUSE_ANALYSIS', resolution: null };
    case 'ProblemClosed':
      return { ...problem, status: 'CLOSED' };
    case 'ProblemFlaggedForFollowUp':
      return { ...problem, followUps: [...problem.followUps, event.data] };
    case 'ProblemCanceled': {
      const { reason: notes, at } = event.data;
      return { ...problem, status: 'CLOSED', resolution: { code: 'CANCELED', duplicateOf: null, notes, at } };
    }
  }
}

/** Trusts history: events are facts already decided, so none is refused here. */
export function evolveProblem(state: ProblemState, event: ProblemEvent): ProblemState {
  if (state === null) return event.type === 'ProblemLogged' ? loggedProblem(event.data) : state;
  const evolved = evolveExistingProblem(state, event);
  return 'at' in event.data ? { ...evolved, updatedAt: event.data.at } : evolved;
}
