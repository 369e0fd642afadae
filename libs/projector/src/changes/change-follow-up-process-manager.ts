import { Logger } from '@nestjs/common';
import { v5 as uuidv5 } from 'uuid';
import { changeDecider, type Change } from '#domain';
import { Clock, incidentRecord, problemRecord, RecordStates, SystemCommandSender } from '#commands';
import { eventSerializer, parseRecordStreamId, type ChangeEvent } from '#events';
import type { RecordedEvent } from '#event-store';
import type { Projection } from '#read-model';

/** Also its checkpoint's name. */
export const CHANGE_FOLLOW_UP_PROCESS = 'change-unsuccessful-flags-records';

export const CHANGE_FOLLOW_UP_ACTOR = 'system:change-follow-up';

/** Namespace of the command ids derived from a cause; never change it, or a replay would act again. */
const COMMAND_ID_NAMESPACE = '2f7c9e41-6a3b-4d58-9e0c-8b1a5d7f3c26';

export interface ChangeFollowUpDependencies {
  readonly records: RecordStates;
  readonly sender: SystemCommandSender;
  readonly clock: Clock;
}

/**
 * SPEC: an UNSUCCESSFUL change flags its linked records for follow-up. When a change closes
 * (review completed) with close code UNSUCCESSFUL, each incident and problem it is linked to is
 * flagged (IncidentFlaggedForFollowUp, ProblemFlaggedForFollowUp) naming the change, with the
 * closing event as its cause. Run by the
 * projection runner from its own checkpoint; effects are sent inside the batch, before the
 * checkpoint moves, with command ids derived from the cause and the record, so a crash and
 * replay finds the first sending's result instead of flagging twice. A closed change takes no
 * more links, so its current links are those it had when it closed.
 */
export function changeFollowUpProcessManager(dependencies: ChangeFollowUpDependencies): Projection {
  const logger = new Logger('Change follow-up');
  return {
    name: CHANGE_FOLLOW_UP_PROCESS,
    follows: { change: ['ChangeReviewCompleted'] },
    async applyBatch(events) {
      for (const event of events) {
        if (isUnsuccessfulClose(event)) await flagLinkedRecords(event, dependencies, logger);
      }
      return [];
    },
    // Keeps no tables: nothing to empty.
    async reset() {},
  };
}

function isUnsuccessfulClose(event: RecordedEvent): boolean {
  if (event.type !== 'change.review-completed.v1') return false;
  const closed = eventSerializer.deserialize<ChangeEvent>(event);
  return closed.type === 'ChangeReviewCompleted' && closed.data.closeCode === 'UNSUCCESSFUL';
}

async function flagLinkedRecords(cause: RecordedEvent, { records, sender, clock }: ChangeFollowUpDependencies, logger: Logger): Promise<void> {
  const key = parseRecordStreamId('change', cause.streamId);
  if (!key) return;
  const change = (await records.read('change', changeDecider, key.tenant, key.id)) as Change | null;
  if (!change) return;
  const data = { changeId: key.id, changeNumber: change.number };
  const effect = (recordId: string, now: Date) => ({
    tenant: key.tenant,
    recordId,
    commandId: uuidv5(`${cause.id}/${recordId}`, COMMAND_ID_NAMESPACE),
    actor: CHANGE_FOLLOW_UP_ACTOR,
    now,
    cause: { causationId: cause.id, correlationId: cause.metadata.correlationId },
  });
  for (const incidentId of change.incidentIds) {
    const now = clock.now();
    const command = { type: 'FlagIncidentForFollowUp', data, metadata: { now: now.toISOString() } } as const;
    const outcome = await sender.send(incidentRecord, { ...effect(incidentId, now), command });
    if (outcome.done === 'otherwise') logger.debug(`Left incident ${incidentId} alone: ${outcome.refusal}`);
  }
  for (const problemId of change.problemIds) {
    const now = clock.now();
    const command = { type: 'FlagProblemForFollowUp', data, metadata: { now: now.toISOString() } } as const;
    const outcome = await sender.send(problemRecord, { ...effect(problemId, now), command });
    if (outcome.done === 'otherwise') logger.debug(`Left problem ${problemId} alone: ${outcome.refusal}`);
  }
}
