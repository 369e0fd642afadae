import {
  jsonEvent,
  type AllStreamResolvedEvent,
  type EventData,
  type JSONType,
  type Position as EsdbPosition,
  type ResolvedEvent,
} from '@eventstore/db-client';
import type { EventMetadata } from '#events';
import { InvalidAppendError } from '../event-store.errors.js';
import type { NewEvent, RecordedEvent } from '../event-store.port.js';
import type { Position } from '../position.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Stored as JSON with the metadata envelope as the event's custom metadata. */
export function toEsdbEventData(event: NewEvent): EventData {
  // Checked here because the server's answer to a malformed id is an opaque internal error.
  if (!UUID.test(event.id)) throw new InvalidAppendError(`Event ids must be UUIDs, not "${event.id}"`);
  return jsonEvent({
    id: event.id,
    type: event.type,
    // The port's payloads are JSON by contract; the client only types them more narrowly.
    data: event.data as JSONType,
    metadata: { ...event.metadata },
  });
}

export function toPosition(position: EsdbPosition): Position {
  return { commit: position.commit, prepare: position.prepare };
}

/**
 * The port's view of a read or subscribed event; `undefined` for a link whose target is gone
 * (nothing to deliver).
 */
export function toRecordedEvent(resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent | undefined {
  const event = resolved.event;
  if (!event) return undefined;
  if (!event.position) {
    throw new Error(`EventStoreDB sent event ${event.id} without its position; the adapter needs server 22.6 or newer`);
  }
  return {
    id: event.id,
    type: event.type,
    data: event.data,
    metadata: envelopeOf(event.id, event.metadata),
    streamId: event.streamId,
    revision: event.revision,
    position: toPosition(event.position),
    created: event.created,
  };
}

/** Every event this adapter writes carries the envelope as a JSON object; anything else is foreign. */
function envelopeOf(eventId: string, metadata: unknown): EventMetadata {
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata) || metadata instanceof Uint8Array) {
    throw new Error(`Event ${eventId} has no JSON metadata envelope`);
  }
  return metadata as EventMetadata;
}
