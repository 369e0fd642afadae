import type { EventContract } from '../event-contract.js';
import type { ChangeEvent, ChangeEventType } from './change-events.js';

/** The names change events are stored under; never rename one (see incident contracts). */
const storedNames = {
  ChangeRequested: 'change.requested.v1',
  ChangeDetailsUpdated: 'change.details-updated.v1',
  ChangeTypeChanged: 'change.type-changed.v1',
  ChangeSubmitted: 'change.submitted.v1',
  ChangeRiskAssessed: 'change.risk-assessed.v1',
  ChangeApprovalRequested: 'change.approval-requested.v1',
  ChangeApproved: 'change.approved.v1',
  ChangeAuthorized: 'change.authorized.v1',
  ChangeRejected: 'change.rejected.v1',
  ChangeScheduled: 'change.scheduled.v1',
  ChangeImplementationStarted: 'change.implementation-started.v1',
  ChangeImplementationCompleted: 'change.implementation-completed.v1',
  ChangeReviewCompleted: 'change.review-completed.v1',
  ChangeCanceled: 'change.canceled.v1',
  ChangeLinkedToIncident: 'change.linked-to-incident.v1',
  ChangeLinkedToProblem: 'change.linked-to-problem.v1',
} as const satisfies { readonly [T in ChangeEventType]: `change.${string}.v${number}` };

export const changeEventTypes = Object.keys(storedNames) as readonly ChangeEventType[];

export const changeEventContracts: readonly EventContract<ChangeEvent>[] = changeEventTypes.map((type) => ({
  type,
  storedName: storedNames[type],
}));
