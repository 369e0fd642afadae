import type pg from 'pg';
import type { RecordRow } from '#read-model';
import type { Principal } from '../auth/principal.js';
import { canonicalRecordId } from '#events';
import { ApiError } from '../errors/api-error.js';
import type { RecordReads } from './record-reads.js';

type Reads<Row extends RecordRow, Model extends { id: string }> = RecordReads<Row, Model, unknown, unknown, unknown>;

/** The record as `principal` may see it; null when it is not in their tenant or not theirs to see. */
export async function findVisibleRecord<Row extends RecordRow, Model extends { id: string }>(
  db: pg.Pool,
  reads: Reads<Row, Model>,
  principal: Principal,
  id: string,
): Promise<Model | null> {
  const key = canonicalRecordId(id);
  const row = key ? await reads.readModel.find(db, principal.tenant, key) : undefined;
  return row && reads.canSee(principal, row) ? reads.toModel(row, principal) : null;
}

/** As findVisibleRecord, NOT_FOUND instead of null. */
export async function loadVisibleRecord<Row extends RecordRow, Model extends { id: string }>(
  db: pg.Pool,
  reads: Reads<Row, Model>,
  principal: Principal,
  id: string,
): Promise<Model> {
  const record = await findVisibleRecord(db, reads, principal, id);
  if (!record) throw recordNotFound(reads.names.singular, id);
  return record;
}

export function recordNotFound(singular: string, id: string, at?: string): ApiError {
  return new ApiError('NOT_FOUND', at === undefined ? `No ${singular} ${id}` : `No ${singular} ${id} at ${at}`, { field: 'id' });
}
