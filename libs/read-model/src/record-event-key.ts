import { eventSerializer, parseRecordStreamId, type RecordKind } from '#events';
import type { RecordedEvent } from '#event-store';
import type { RowKey } from './row-projection.js';

/**
 * The record of `kind` an event belongs to, for projections of one row per record; none for
 * events of other kinds, or of stored names this code does not know.
 */
export function recordEventKey(kind: RecordKind, storedNamePrefix: string) {
  return (event: RecordedEvent): RowKey | undefined =>
    event.type.startsWith(storedNamePrefix) && eventSerializer.knows(event.type) ? parseRecordStreamId(kind, event.streamId) : undefined;
}
