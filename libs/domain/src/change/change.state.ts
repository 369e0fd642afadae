import type {
  ChangeCloseCode,
  ChangeEvent,
  ChangeRequested,
  ChangeRisk,
  ChangeTemplateUse,
  ChangeType,
  Level,
  ScheduleConflict,
} from '#events';
import type { ApprovalDecision, ApprovalOutcome, ApprovalRound } from './approval-round.js';

export type ChangeStatus = 'NEW' | 'ASSESS' | 'AUTHORIZE' | 'SCHEDULED' | 'IMPLEMENT' | 'REVIEW' | 'CLOSED' | 'CANCELED';

/** A fact with a reason and the instant: a cancellation, the last rejection. */
export interface ChangeReasonedFact {
  readonly reason: string;
  readonly at: string;
}

/**
 * A change as folded from its events: what `decide` needs, plus the record's fields so that an
 * as-of view can be read straight from it.
 */
export interface Change {
  readonly changeId: string;
  readonly tenant: string;
  readonly number: string;
  readonly type: ChangeType;
  readonly status: ChangeStatus;
  readonly title: string;
  readonly description: string;
  readonly justification: string;
  readonly serviceIds: readonly string[];
  readonly risk: ChangeRisk;
  readonly impact: Level;
  readonly implementationPlan: string;
  readonly backoutPlan: string;
  readonly testPlan: string;
  readonly requestedBy: string;
  readonly requestedAt: string;
  readonly template: ChangeTemplateUse | null;
  readonly plannedStart: string | null;
  readonly plannedEnd: string | null;
  /** Found when the window was last set; history keeps the earlier ones. */
  readonly conflicts: readonly ScheduleConflict[];
  readonly actualStart: string | null;
  readonly actualEnd: string | null;
  readonly closeCode: ChangeCloseCode | null;
  readonly closeNotes: string | null;
  readonly reviewNotes: string | null;
  readonly closedAt: string | null;
  /** The reason of the last rejection; the rounds keep every one. */
  readonly rejection: (ChangeReasonedFact & { readonly round: number; readonly approverId: string }) | null;
  readonly cancellation: ChangeReasonedFact | null;
  /** Every round, oldest first; the last is the current one while AUTHORIZE. */
  readonly approvalRounds: readonly ApprovalRound[];
  readonly incidentIds: readonly string[];
  readonly problemIds: readonly string[];
}

/** Null until the change is requested. */
export type ChangeState = Change | null;

export const initialChangeState: ChangeState = null;

function requestedChange({ requestedAt, ...fields }: ChangeRequested['data']): Change {
  return {
    ...fields,
    status: 'NEW',
    requestedAt,
    plannedStart: null,
    plannedEnd: null,
    conflicts: [],
    actualStart: null,
    actualEnd: null,
    closeCode: null,
    closeNotes: null,
    reviewNotes: null,
    closedAt: null,
    rejection: null,
    cancellation: null,
    approvalRounds: [],
    incidentIds: [],
    problemIds: [],
  };
}

/** The current round with a decision added, or ended. */
function withCurrentRound(
  change: Change,
  update: (round: ApprovalRound) => ApprovalRound,
): readonly ApprovalRound[] {
  const rounds = change.approvalRounds;
  const current = rounds.at(-1);
  return current ? [...rounds.slice(0, -1), update(current)] : rounds;
}

function decided(decision: ApprovalDecision) {
  return (round: ApprovalRound): ApprovalRound => ({ ...round, decisions: [...round.decisions, decision] });
}

function ended(outcome: ApprovalOutcome, at: string) {
  return (round: ApprovalRound): ApprovalRound =>
    round.outcome === 'PENDING' ? { ...round, outcome, endedAt: at } : round;
}

/** Applies an event to a change that exists; a second ChangeRequested changes nothing. */
export function evolveExistingChange(change: Change, event: ChangeEvent): Change {
  switch (event.type) {
    case 'ChangeRequested':
      return change;
    case 'ChangeDetailsUpdated': {
      const { at: _at, ...fields } = event.data;
      return { ...change, ...fields };
    }
    case 'ChangeTypeChanged':
      return { ...change, type: event.data.type };
    case 'ChangeSubmitted':
      return change.type === 'NORMAL' ? { ...change, status: 'ASSESS' } : change;
    case 'ChangeRiskAssessed':
      return { ...change, risk: event.data.risk, impact: event.data.impact };
    case 'ChangeApprovalRequested': {
      const { round, approvals, at } = event.data;
      const started: ApprovalRound = { round, requestedAt: at, approvals, decisions: [], outcome: 'PENDING', endedAt: null };
      return { ...change, status: 'AUTHORIZE', approvalRounds: [...change.approvalRounds, started] };
    }
    case 'ChangeApproved': {
      const { approverId, asChangeManager, comment, at } = event.data;
      const decision: ApprovalDecision = { approverId, decision: 'APPROVED', asChangeManager, comment, at };
      return { ...change, approvalRounds: withCurrentRound(change, decided(decision)) };
    }
    case 'ChangeAuthorized':
      return { ...change, status: 'SCHEDULED', approvalRounds: withCurrentRound(change, ended('APPROVED', event.data.at)) };
    case 'ChangeRejected': {
      const { round, approverId, asChangeManager, reason, at } = event.data;
      const decision: ApprovalDecision = { approverId, decision: 'REJECTED', asChangeManager, comment: reason, at };
      const rounds = withCurrentRound(change, (round) => ended('REJECTED', at)(decided(decision)(round)));
      return { ...change, status: 'NEW', rejection: { reason, at, round, approverId }, approvalRounds: rounds };
    }
    case 'ChangeScheduled': {
      const { plannedStart, plannedEnd, conflicts, enteredScheduled } = event.data;
      return { ...change, plannedStart, plannedEnd, conflicts, status: enteredScheduled ? 'SCHEDULED' : change.status };
    }
    case 'ChangeImplementationStarted':
      return { ...change, status: 'IMPLEMENT', actualStart: event.data.at };
    case 'ChangeImplementationCompleted': {
      const { closeCode, closeNotes, at } = event.data;
      return { ...change, status: 'REVIEW', actualEnd: at, closeCode, closeNotes };
    }
    case 'ChangeReviewCompleted':
      return { ...change, status: 'CLOSED', reviewNotes: event.data.reviewNotes, closedAt: event.data.at };
    case 'ChangeCanceled': {
      const { reason, at } = event.data;
      const approvalRounds = withCurrentRound(change, ended('CANCELED', at));
      return { ...change, status: 'CANCELED', cancellation: { reason, at }, approvalRounds };
    }
    case 'ChangeLinkedToIncident':
      return { ...change, incidentIds: [...change.incidentIds, event.data.incidentId] };
    case 'ChangeLinkedToProblem':
      return { ...change, problemIds: [...change.problemIds, event.data.problemId] };
  }
}

/** Trusts history: events are facts already decided, so none is refused here. */
export function evolveChange(state: ChangeState, event: ChangeEvent): ChangeState {
  if (state !== null) return evolveExistingChange(state, event);
  return event.type === 'ChangeRequested' ? requestedChange(event.data) : state;
}
