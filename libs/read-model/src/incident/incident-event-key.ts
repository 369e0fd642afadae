import { eventSerializer, parseRecordStreamId } from '#events';
import type { RecordedEvent } from '#event-store';
import type { RowKey } from '../row-projection.js';

/** The incident an event belongs to, for projections of one row per incident; none for others. */
export function incidentEventKey(event: RecordedEvent): RowKey | undefined {
  return event.type.startsWith('incident.') && eventSerializer.knows(event.type)
    ? parseRecordStreamId('incident', event.streamId)
    : undefined;
}
