import type { RecordedEvent } from '../event-store.port.js';

/**
 * The columns every read selects, with 64-bit values as text so none loses precision. The aliases
 * differ from the column names so that ORDER BY sorts the numbers, not their text.
 */
export const EVENT_COLUMNS =
  'commit_id::text AS commit_text, seq::text AS seq_text, stream_id, revision::text AS revision_text, ' +
  'id::text AS id_text, type, data, metadata, created';

export interface EventRow {
  commit_text: string;
  seq_text: string;
  stream_id: string;
  revision_text: string;
  id_text: string;
  type: string;
  data: unknown;
  metadata: RecordedEvent['metadata'];
  created: Date;
}

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row.id_text,
    type: row.type,
    data: row.data,
    metadata: row.metadata,
    streamId: row.stream_id,
    revision: BigInt(row.revision_text),
    position: { commit: BigInt(row.commit_text), prepare: BigInt(row.seq_text) },
    created: row.created,
  };
}
