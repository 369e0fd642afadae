import type { ChangeEventCause, ReactorCommand } from './reactor.js';

/** What the follow-up rule reads besides the cause: the change's number and links at the cause. */
export interface ChangeFollowUpState {
  readonly changeNumber: string;
  readonly incidentIds: readonly string[];
  readonly problemIds: readonly string[];
}

/**
 * SPEC: an UNSUCCESSFUL change flags its linked records for follow-up. When a change's review
 * completes (it closes) with close code UNSUCCESSFUL, each linked incident and problem is flagged
 * naming the change; a record flagged for it already refuses, which the decider says.
 */
export function reactToChangeFollowUp(cause: ChangeEventCause, state: ChangeFollowUpState): ReactorCommand[] {
  const { event, tenant, recordId: changeId, now } = cause;
  if (event.type !== 'ChangeReviewCompleted' || event.data.closeCode !== 'UNSUCCESSFUL') return [];
  const data = { changeId, changeNumber: state.changeNumber };
  const metadata = { now };
  return [
    ...state.incidentIds.map((incidentId): ReactorCommand => ({
      kind: 'incident',
      tenant,
      recordId: incidentId,
      key: incidentId,
      command: { type: 'FlagIncidentForFollowUp', data, metadata },
    })),
    ...state.problemIds.map((problemId): ReactorCommand => ({
      kind: 'problem',
      tenant,
      recordId: problemId,
      key: problemId,
      command: { type: 'FlagProblemForFollowUp', data, metadata },
    })),
  ];
}
