import type pg from 'pg';
import type { ChangeStatus } from '#domain';
import type { ChangeRisk, ChangeType } from '#events';
import { keysetPage, type KeysetPage, type KeysetQuery } from '../keyset-page.js';
import type { ChangeListCursor } from './change-list-cursor.js';
import type { ChangeRow } from './change-row.js';
import { changeRowTable, type ChangeDbRow } from './change-rows.js';

type Queryable = Pick<pg.PoolClient, 'query'>;

/** What a list or a live subscription may ask for; an absent or empty criterion restricts nothing. */
export interface ChangeListFilter {
  readonly states?: readonly ChangeStatus[];
  readonly types?: readonly ChangeType[];
  readonly risks?: readonly ChangeRisk[];
  /** Changes affecting this service among others. */
  readonly serviceId?: string;
  readonly requestedBy?: string;
  /** Words of number, title and description (web-search syntax). */
  readonly text?: string;
}

export type ChangeListQuery = KeysetQuery<ChangeListFilter, ChangeListCursor>;

const COLUMNS = changeRowTable.columns;

/** Every criterion, as conditions on `changes`, with the parameters they use. */
function conditions(tenant: string, filter: ChangeListFilter, param: (value: unknown) => string): string[] {
  const where = [`tenant = ${param(tenant)}`];
  if (filter.states?.length) where.push(`state = ANY(${param(filter.states)}::text[])`);
  if (filter.types?.length) where.push(`type = ANY(${param(filter.types)}::text[])`);
  if (filter.risks?.length) where.push(`risk = ANY(${param(filter.risks)}::text[])`);
  if (filter.serviceId !== undefined) where.push(`service_ids @> ARRAY[${param(filter.serviceId)}]::text[]`);
  if (filter.requestedBy !== undefined) where.push(`requested_by = ${param(filter.requestedBy)}`);
  if (filter.text !== undefined) where.push(`search @@ websearch_to_tsquery('simple', ${param(filter.text)})`);
  return where;
}

function parameters() {
  const values: unknown[] = [];
  return { values, param: (value: unknown) => `$${values.push(value)}` };
}

/** One page in request order, oldest first, by keyset: deep pages cost what the first does. */
export async function listChanges(db: Queryable, { tenant, filter, first, after }: ChangeListQuery): Promise<KeysetPage<ChangeRow, ChangeListCursor>> {
  const { values, param } = parameters();
  const where = conditions(tenant, filter, param);
  if (after) where.push(`(requested_at, id) > (${param(after.requestedAt)}::timestamptz, ${param(after.id)}::uuid)`);
  const { rows } = await db.query<ChangeDbRow & { requested_at: Date }>(
    `SELECT ${COLUMNS}, requested_at FROM changes WHERE ${where.join(' AND ')} ORDER BY requested_at, changes.id LIMIT ${param(first + 1)}`,
    values,
  );
  return keysetPage(rows, first, (row) => ({
    row: changeRowTable.fromDb(row),
    cursor: { requestedAt: row.requested_at.toISOString(), id: row.id },
  }));
}

/** The changes among `ids` that the filter admits, with the very conditions of the list. */
export async function findMatchingChangeRows(db: Queryable, tenant: string, ids: readonly string[], filter: ChangeListFilter): Promise<ChangeRow[]> {
  if (ids.length === 0) return [];
  const { values, param } = parameters();
  const where = [...conditions(tenant, filter, param), `id = ANY(${param(ids)}::uuid[])`];
  const { rows } = await db.query<ChangeDbRow>(`SELECT ${COLUMNS} FROM changes WHERE ${where.join(' AND ')} ORDER BY requested_at, changes.id`, values);
  return rows.map(changeRowTable.fromDb);
}
