import { changeRisks, type ChangeEvent, type ChangeRisk } from '#events';
import { DomainError } from '../domain-error.js';
import { requireLevel, requireOneOf, requireText } from '../shared/input.guards.js';
import type { ChangeAuthority } from '../tenant/change-settings.state.js';
import {
  approvalsFor,
  awaitsChangeManager,
  hasActed,
  isNamedIn,
  pendingApprovals,
  type ApprovalRound,
} from './approval-round.js';
import type { ApproveChange, AssessChangeRisk, RejectChange, SubmitChange } from './change.commands.js';
import { requireChange, requireStatus } from './change.guards.js';
import type { Change, ChangeState } from './change.state.js';

/** Submission, risk assessment and the approval rounds of AUTHORIZE. */

/** Starts the next round with the approvers the authority names now; a round nobody could approve is refused. */
function approvalRequested(change: Change, risk: ChangeRisk, authority: ChangeAuthority, at: string): ChangeEvent {
  const approvals = approvalsFor(change.type, risk, authority);
  if (approvals.length === 0) {
    const who = change.type === 'EMERGENCY' ? 'emergency approvers' : 'CAB members';
    throw DomainError.invalidTransition(`The tenant's change authority names no ${who}: configure it before change ${change.number} can be authorised`);
  }
  return { type: 'ChangeApprovalRequested', data: { round: change.approvalRounds.length + 1, approvals, at } };
}

/** NORMAL: NEW -> ASSESS. EMERGENCY: NEW -> AUTHORIZE with the emergency approvers. STANDARD changes are scheduled, not submitted. */
export function decideSubmit(data: SubmitChange['data'], state: ChangeState, now: string): ChangeEvent[] {
  const change = requireChange(state);
  if (change.type === 'STANDARD') {
    throw DomainError.invalidTransition(`Change ${change.number} is STANDARD: it is pre-approved, schedule it instead`);
  }
  requireStatus(change, ['NEW'], 'submit');
  const submitted: ChangeEvent = { type: 'ChangeSubmitted', data: { at: now } };
  return change.type === 'EMERGENCY' ? [submitted, approvalRequested(change, change.risk, data.authority, now)] : [submitted];
}

/** ASSESS -> AUTHORIZE: the assessed risk decides whether a change manager must approve too. */
export function decideAssess(data: AssessChangeRisk['data'], state: ChangeState, now: string): ChangeEvent[] {
  const change = requireChange(state);
  const risk = requireOneOf(data.risk as ChangeRisk, changeRisks, 'risk');
  const impact = data.impact === undefined ? change.impact : requireLevel(data.impact, 'impact');
  requireStatus(change, ['ASSESS'], 'assess the risk of');
  return [
    { type: 'ChangeRiskAssessed', data: { risk, impact, at: now } },
    approvalRequested(change, risk, data.authority, now),
  ];
}

/**
 * Who may act in the current round, and in which capacity: once per round, named in it, or a
 * change manager while the round still awaits the change-manager approval.
 */
function requireApprover(change: Change, approverId: string, isChangeManager: boolean, action: string) {
  requireStatus(change, ['AUTHORIZE'], action);
  const round = change.approvalRounds.at(-1) as ApprovalRound;
  if (hasActed(round, approverId)) {
    throw DomainError.invalidTransition(`${approverId} has already answered round ${round.round} of change ${change.number}`);
  }
  const asChangeManager = isChangeManager && awaitsChangeManager(round);
  if (!isNamedIn(round, approverId) && !asChangeManager) {
    throw DomainError.forbidden(`${approverId} is not an approver of round ${round.round} of change ${change.number}`);
  }
  return { round, asChangeManager };
}

/** The last approval a round awaits authorises the change: AUTHORIZE -> SCHEDULED. */
export function decideApprove(data: ApproveChange['data'], state: ChangeState, now: string): ChangeEvent[] {
  const change = requireChange(state);
  const approverId = requireText(data.approverId, 'approverId');
  const comment = data.comment?.trim() ? data.comment : null;
  const { round, asChangeManager } = requireApprover(change, approverId, data.isChangeManager, 'approve');
  const approved: ChangeEvent = { type: 'ChangeApproved', data: { round: round.round, approverId, asChangeManager, comment, at: now } };
  const after: ApprovalRound = {
    ...round,
    decisions: [...round.decisions, { approverId, decision: 'APPROVED', asChangeManager, comment, at: now }],
  };
  if (pendingApprovals(after).length > 0) return [approved];
  return [approved, { type: 'ChangeAuthorized', data: { round: round.round, at: now } }];
}

/** One rejection rejects the round: AUTHORIZE -> NEW with the reason; a later submission starts a new round. */
export function decideReject(data: RejectChange['data'], state: ChangeState, now: string): ChangeEvent[] {
  const change = requireChange(state);
  const approverId = requireText(data.approverId, 'approverId');
  const reason = requireText(data.reason, 'reason');
  const { round, asChangeManager } = requireApprover(change, approverId, data.isChangeManager, 'reject');
  return [{ type: 'ChangeRejected', data: { round: round.round, approverId, asChangeManager, reason, at: now } }];
}
