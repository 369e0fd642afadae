import type pg from 'pg';
import { encodePosition, type Position } from '#event-store';
import type { RecordKind } from '#events';

/** The PostgreSQL channel on which projections announce committed read-model updates. */
export const READ_MODEL_CHANNEL = 'itsm_read_model_changed';

export interface UpdatedRecord {
  readonly kind: RecordKind;
  readonly tenant: string;
  readonly id: string;
  /** The record's version once the announced batch was committed (its last event's revision). */
  readonly version: string;
}

/** One notification: a projection committed up to `position` (an encoded position token). */
export interface ReadModelUpdate {
  readonly projection: string;
  readonly position: string;
  readonly records: readonly UpdatedRecord[];
}

/**
 * PostgreSQL rejects NOTIFY payloads of 8000 bytes or more; a record takes at most ~171 bytes
 * (a 64-character tenant, a UUID, a 19-digit version).
 */
const MAX_NOTIFY_RECORDS = 40;

/**
 * Announces that a projection committed up to `position`, in as many notices as its records
 * need (at least one). Queued inside the transaction, so listeners hear of updates only once
 * they are committed.
 */
export async function announceUpdate(
  tx: Pick<pg.PoolClient, 'query'>,
  update: { readonly projection: string; readonly position: Position; readonly records: readonly UpdatedRecord[] },
): Promise<void> {
  const position = encodePosition(update.position);
  const { records } = update;
  for (let start = 0; start === 0 || start < records.length; start += MAX_NOTIFY_RECORDS) {
    const notice: ReadModelUpdate = { projection: update.projection, position, records: records.slice(start, start + MAX_NOTIFY_RECORDS) };
    await tx.query('SELECT pg_notify($1, $2)', [READ_MODEL_CHANNEL, JSON.stringify(notice)]);
  }
}
