import { changeDecider, reactToChangeFollowUp, type ChangeEventCause, type ChangeFollowUpState } from '#domain';
import type { RecordStates } from '#commands';
import type { LogReactorDefinition } from './reactor-definition.js';

/** Also its checkpoint's name. */
export const CHANGE_FOLLOW_UP_PROCESS = 'change-unsuccessful-flags-records';

export const CHANGE_FOLLOW_UP_ACTOR = 'system:change-follow-up';

/**
 * A change closed UNSUCCESSFUL flags its linked incidents and problems (reactToChangeFollowUp).
 * A closed change takes no more links, so the links it has when loaded are those it closed with.
 */
export function changeFollowUpReactor(records: RecordStates): LogReactorDefinition<ChangeEventCause, ChangeFollowUpState> {
  return {
    name: CHANGE_FOLLOW_UP_PROCESS,
    actor: CHANGE_FOLLOW_UP_ACTOR,
    // The namespace of the ids the process manager before this runtime sent: effects it sent keep their ids.
    commandIdNamespace: '2f7c9e41-6a3b-4d58-9e0c-8b1a5d7f3c26',
    reactsTo: { change: ['ChangeReviewCompleted'] },
    async load({ tenant, recordId }) {
      const change = await records.read('change', changeDecider, tenant, recordId);
      return change ? { changeNumber: change.number, incidentIds: change.incidentIds, problemIds: change.problemIds } : undefined;
    },
    react: reactToChangeFollowUp,
  };
}
