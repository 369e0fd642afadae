import { registerEnumType } from '@nestjs/graphql';
import type { ApprovalOutcome, ChangeStatus } from '#domain';
import { approverKinds, changeCloseCodes, changeRisks, changeTypes } from '#events';
import { enumOf } from '../../graphql/enum-of.js';

export const ChangeStateEnum = enumOf<ChangeStatus>(['NEW', 'ASSESS', 'AUTHORIZE', 'SCHEDULED', 'IMPLEMENT', 'REVIEW', 'CLOSED', 'CANCELED']);
export const ChangeTypeEnum = enumOf(changeTypes);
export const ChangeRiskEnum = enumOf(changeRisks);
export const ChangeCloseCodeEnum = enumOf(changeCloseCodes);
export const ApproverKindEnum = enumOf(approverKinds);
export const ApprovalOutcomeEnum = enumOf<ApprovalOutcome>(['PENDING', 'APPROVED', 'REJECTED', 'CANCELED']);
export const ApprovalDecisionEnum = enumOf(['APPROVED', 'REJECTED'] as const);
export const ScheduleConflictKindEnum = enumOf(['CHANGE', 'BLACKOUT'] as const);

registerEnumType(ChangeStateEnum, {
  name: 'ChangeState',
  description: 'Where a change is in its life cycle; CLOSED and CANCELED are final',
  valuesMap: {
    NEW: { description: 'Requested, or sent back by a rejection; may still be edited' },
    ASSESS: { description: 'NORMAL only: submitted, its risk being assessed' },
    AUTHORIZE: { description: 'Waiting for every approver of the current round' },
    SCHEDULED: { description: 'Authorised (or, STANDARD, planned): ready to implement in its window' },
    IMPLEMENT: { description: 'Being implemented' },
    REVIEW: { description: 'Implemented; the post-implementation review is due' },
    CLOSED: { description: 'Reviewed and done' },
    CANCELED: { description: 'Withdrawn before review' },
  },
});
registerEnumType(ChangeTypeEnum, {
  name: 'ChangeType',
  description: 'How a change is authorised',
  valuesMap: {
    STANDARD: { description: 'Pre-approved from a template: scheduled straight away, but only into a clear window' },
    NORMAL: { description: 'Assessed, then authorised by the CAB' },
    EMERGENCY: { description: 'Authorised at once by the emergency approvers, without assessment' },
  },
});
registerEnumType(ChangeRiskEnum, {
  name: 'ChangeRisk',
  description: 'How likely the change is to hurt a service',
  valuesMap: {
    LOW: { description: 'Routine; may be pre-approved in a template' },
    MODERATE: { description: 'Needs care; may be pre-approved in a template' },
    HIGH: { description: "Needs a change manager's approval besides the CAB's or the emergency approvers'" },
  },
});
registerEnumType(ChangeCloseCodeEnum, {
  name: 'ChangeCloseCode',
  description: 'How the implementation went',
  valuesMap: {
    SUCCESSFUL: { description: 'Done as planned' },
    SUCCESSFUL_WITH_ISSUES: { description: 'Done, with problems along the way' },
    UNSUCCESSFUL: { description: 'Not done, or backed out: the linked incidents are flagged for follow-up' },
  },
});
registerEnumType(ApproverKindEnum, {
  name: 'ApproverKind',
  description: 'Why an approval was asked for',
  valuesMap: {
    CAB_MEMBER: { description: 'A named member of the change advisory board (NORMAL changes)' },
    EMERGENCY_APPROVER: { description: 'A named emergency approver (EMERGENCY changes)' },
    CHANGE_MANAGER: { description: 'Any change manager: HIGH-risk changes need one' },
  },
});
registerEnumType(ApprovalOutcomeEnum, {
  name: 'ApprovalOutcome',
  description: 'How an approval round ended, or PENDING while it runs',
  valuesMap: {
    PENDING: { description: 'Still waiting for answers' },
    APPROVED: { description: 'Everyone asked approved: the change was authorised' },
    REJECTED: { description: 'Someone rejected: the change went back to NEW' },
    CANCELED: { description: 'The change was canceled during the round' },
  },
});
registerEnumType(ApprovalDecisionEnum, {
  name: 'ApprovalDecision',
  description: 'What an approver answered',
  valuesMap: { APPROVED: { description: 'Approved' }, REJECTED: { description: 'Rejected, with a reason' } },
});
registerEnumType(ScheduleConflictKindEnum, {
  name: 'ScheduleConflictKind',
  description: 'What a planned window conflicts with',
  valuesMap: {
    CHANGE: { description: 'Another change on a shared service with an overlapping window' },
    BLACKOUT: { description: 'A blackout (freeze) window of the tenant' },
  },
});
