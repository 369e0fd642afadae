import type { ChangeRisk, ChangeType, RequestedApproval } from '#events';
import type { ChangeAuthority } from '../tenant/change-settings.state.js';

export type ApprovalOutcome = 'PENDING' | 'APPROVED' | 'REJECTED' | 'CANCELED';

export interface ApprovalDecision {
  readonly approverId: string;
  readonly decision: 'APPROVED' | 'REJECTED';
  /** It also gave the change-manager approval of a HIGH-risk round. */
  readonly asChangeManager: boolean;
  /** The approver's comment, or a rejection's reason. */
  readonly comment: string | null;
  readonly at: string;
}

/** One pass through AUTHORIZE: who was asked, who answered what and when, how it ended. */
export interface ApprovalRound {
  readonly round: number;
  readonly requestedAt: string;
  readonly approvals: readonly RequestedApproval[];
  readonly decisions: readonly ApprovalDecision[];
  readonly outcome: ApprovalOutcome;
  readonly endedAt: string | null;
}

/**
 * Who must approve a round entered now: the CAB for NORMAL, the emergency approvers for
 * EMERGENCY, and for a HIGH-risk change also a change manager. Fixed when the round starts.
 */
export function approvalsFor(type: ChangeType, risk: ChangeRisk, authority: ChangeAuthority): RequestedApproval[] {
  const named: RequestedApproval[] =
    type === 'EMERGENCY'
      ? authority.emergencyApprovers.map((subject) => ({ kind: 'EMERGENCY_APPROVER', subject }))
      : authority.cabMembers.map((subject) => ({ kind: 'CAB_MEMBER', subject }));
  return risk === 'HIGH' ? [...named, { kind: 'CHANGE_MANAGER', subject: null }] : named;
}

/** An approval is given by its named subject, or (the change-manager one) by any change manager. */
function given(approval: RequestedApproval, decisions: readonly ApprovalDecision[]): boolean {
  return decisions.some((decision) =>
    approval.subject === null ? decision.asChangeManager : decision.approverId === approval.subject,
  );
}

export function pendingApprovals(round: ApprovalRound): RequestedApproval[] {
  return round.approvals.filter((approval) => !given(approval, round.decisions));
}

export function isNamedIn(round: ApprovalRound, approverId: string): boolean {
  return round.approvals.some((approval) => approval.subject === approverId);
}

/** Whether a change manager acting now would give the round's still open change-manager approval. */
export function awaitsChangeManager(round: ApprovalRound): boolean {
  return pendingApprovals(round).some((approval) => approval.kind === 'CHANGE_MANAGER');
}

export function hasActed(round: ApprovalRound, approverId: string): boolean {
  return round.decisions.some((decision) => decision.approverId === approverId);
}
