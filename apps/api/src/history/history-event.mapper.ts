import { encodePositionToken, type RecordedEvent, type StoreIdentity } from '#event-store';
import type { HistoryEvent } from './history-event.type.js';

export function toHistoryEvent(recorded: RecordedEvent, store: StoreIdentity): HistoryEvent {
  const { metadata } = recorded;
  return {
    eventId: recorded.id,
    type: recorded.type,
    version: recorded.revision.toString(),
    position: encodePositionToken(recorded.position, store),
    recordedAt: recorded.created.toISOString(),
    data: recorded.data,
    metadata: {
      actor: metadata.actor,
      tenant: metadata.tenant,
      correlationId: metadata.correlationId,
      causationId: metadata.causationId,
      commandId: metadata.commandId ?? null,
      origin: metadata.origin,
      reason: metadata.reason ?? null,
      serviceAccountId: metadata.serviceAccountId ?? null,
    },
  };
}
