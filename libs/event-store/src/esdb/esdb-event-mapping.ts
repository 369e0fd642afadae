import {
  jsonEvent,
  type AllStreamResolvedEvent,
  type EventData,
  type JSONType,
  type Position as EsdbPosition,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { isUuid, type EventMetadata } from '#events';
import { ForeignEventError, InvalidAppendError } from '../event-store.errors.js';
import type { NewEvent, RecordedEvent } from '../event-store.port.js';
import type { Position } from '../position.js';

/** Stored as JSON with the metadata envelope as the event's custom metadata. */
export function toEsdbEventData(event: NewEvent): EventData {
  // Checked here because the server's answer to a malformed id is an opaque internal error.
  if (!isUuid(event.id)) throw new InvalidAppendError(`Event ids must be UUIDs, not "${event.id}"`);
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
 * (nothing to deliver). Callers decide whether an event is theirs to see (`isVisibleInLog`)
 * before converting it: the log also holds the server's own events, which have no envelope.
 * An event without the envelope that does reach here is foreign, and named as such.
 */
export function toRecordedEvent(resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent | undefined {
  const event = resolved.event;
  if (!event) return undefined;
  if (!event.position) {
    throw new Error(`EventStoreDB sent event ${event.id} without its position; the adapter needs server 22.6 or newer`);
  }
  const position = toPosition(event.position);
  const problem = envelopeProblem(event.isJson, event.metadata);
  if (problem) throw new ForeignEventError(event.streamId, event.id, event.type, position, problem);
  return {
    id: event.id,
    type: event.type,
    data: event.data,
    metadata: event.metadata as unknown as EventMetadata,
    streamId: event.streamId,
    revision: event.revision,
    position,
    created: event.created,
  };
}

const REQUIRED_ENVELOPE_FIELDS = ['actor', 'tenant', 'correlationId', 'causationId', 'origin'] as const;

/**
 * Why an event cannot be one this product wrote, or `undefined` when it can: every product event
 * is JSON and carries the envelope as a JSON object with its required fields.
 */
function envelopeProblem(isJson: boolean, metadata: unknown): string | undefined {
  if (!isJson) return 'its data is not JSON';
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata) || metadata instanceof Uint8Array) {
    return 'it has no JSON metadata envelope';
  }
  const missing = REQUIRED_ENVELOPE_FIELDS.filter((field) => typeof (metadata as Record<string, unknown>)[field] !== 'string');
  return missing.length > 0 ? `its metadata envelope lacks ${missing.join(', ')}` : undefined;
}
