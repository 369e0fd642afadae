import type pg from 'pg';
import { cursorFields, keysetCursor } from '../keyset-cursor.js';
import { keysetPage, type KeysetPage, type KeysetQuery } from '../keyset-page.js';
import type { ChangeTemplateRow } from './change-template-row.js';
import { changeTemplateRowTable, type ChangeTemplateDbRow } from './change-template-rows.js';

type Queryable = Pick<pg.PoolClient, 'query'>;

export interface ChangeTemplateListFilter {
  /** Absent: both live and retired templates. */
  readonly retired?: boolean;
  /** Words of number and name. */
  readonly text?: string;
}

export const changeTemplateListCursor = keysetCursor({ createdAt: cursorFields.instant, id: cursorFields.uuid });
export type ChangeTemplateListCursor = ReturnType<typeof changeTemplateListCursor.decode>;

function conditions(tenant: string, filter: ChangeTemplateListFilter, param: (value: unknown) => string): string[] {
  const where = [`tenant = ${param(tenant)}`];
  if (filter.retired !== undefined) where.push(`retired = ${param(filter.retired)}`);
  if (filter.text !== undefined) where.push(`search @@ websearch_to_tsquery('simple', ${param(filter.text)})`);
  return where;
}

const COLUMNS = changeTemplateRowTable.columns;

/** Oldest first, by keyset. */
export async function listChangeTemplates(
  db: Queryable,
  { tenant, filter, first, after }: KeysetQuery<ChangeTemplateListFilter, ChangeTemplateListCursor>,
): Promise<KeysetPage<ChangeTemplateRow, ChangeTemplateListCursor>> {
  const values: unknown[] = [];
  const param = (value: unknown) => `$${values.push(value)}`;
  const where = conditions(tenant, filter, param);
  if (after) where.push(`(created_at, id) > (${param(after.createdAt)}::timestamptz, ${param(after.id)}::uuid)`);
  const { rows } = await db.query<ChangeTemplateDbRow & { created_at: Date }>(
    `SELECT ${COLUMNS}, created_at FROM change_templates WHERE ${where.join(' AND ')} ORDER BY created_at, change_templates.id LIMIT ${param(first + 1)}`,
    values,
  );
  return keysetPage(rows, first, (row) => ({
    row: changeTemplateRowTable.fromDb(row),
    cursor: { createdAt: row.created_at.toISOString(), id: row.id },
  }));
}

export async function findMatchingChangeTemplateRows(
  db: Queryable,
  tenant: string,
  ids: readonly string[],
  filter: ChangeTemplateListFilter,
): Promise<ChangeTemplateRow[]> {
  if (ids.length === 0) return [];
  const values: unknown[] = [];
  const param = (value: unknown) => `$${values.push(value)}`;
  const where = [...conditions(tenant, filter, param), `id = ANY(${param(ids)}::uuid[])`];
  const { rows } = await db.query<ChangeTemplateDbRow>(`SELECT ${COLUMNS} FROM change_templates WHERE ${where.join(' AND ')} ORDER BY created_at, id`, values);
  return rows.map(changeTemplateRowTable.fromDb);
}
