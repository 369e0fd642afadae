import { Logger } from '@nestjs/common';
import { v5 as uuidv5 } from 'uuid';
import { changeDecider, type Change } from '#domain';
import { Clock, incidentRecord, RecordStates, SystemCommandSender } from '#commands';
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
 * (review completed) with close code UNSUCCESSFUL, each incident it is linked to gets an
 * IncidentFlaggedForFollowUp naming the change, with the closing event as its cause. Run by the
 * projection runner from its own checkpoint; effects are sent inside the batch, before the
 * checkpoint moves, with command ids derived from the cause and the incident, so a crash and
 * replay finds the first sending's result instead of flagging twice. A closed change takes no
 * more links, so its current links are those it had when it closed.
 */
export function changeFollowUpProcessManager(dependencies: ChangeFollowUpDependencies): Projection {
  const logger = new Logger('Change follow-up');
  return {
    name: CHANGE_FOLLOW_UP_PROCESS,
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
  for (const incidentId of change.incidentIds) {
    const now = clock.now();
    const outcome = await sender.send(incidentRecord, {
      tenant: key.tenant,
      recordId: incidentId,
      command: { type: 'FlagIncidentForFollowUp', data: { changeId: key.id, changeNumber: change.number }, metadata: { now: now.toISOString() } },
      commandId: uuidv5(`${cause.id}/${incidentId}`, COMMAND_ID_NAMESPACE),
      actor: CHANGE_FOLLOW_UP_ACTOR,
      now,
      cause: { causationId: cause.id, correlationId: cause.metadata.correlationId },
    });
    if (outcome.done === 'otherwise') logger.debug(`Left incident ${incidentId} alone: ${outcome.refusal}`);
  }
}
