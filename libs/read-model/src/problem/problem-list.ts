import type pg from 'pg';
import type { ProblemStatus } from '#domain';
import type { Priority } from '#events';
import { keysetPage, type KeysetPage, type KeysetQuery } from '../keyset-page.js';
import type { ProblemListCursor } from './problem-list-cursor.js';
import type { ProblemRow } from './problem-row.js';
import { problemRowTable, type ProblemDbRow } from './problem-rows.js';

type Queryable = Pick<pg.PoolClient, 'query'>;

/** What a list or a live subscription may ask for; an absent or empty criterion restricts nothing. */
export interface ProblemListFilter {
  readonly states?: readonly ProblemStatus[];
  readonly priorities?: readonly Priority[];
  readonly assignmentGroup?: string;
  readonly assignee?: string;
  readonly serviceId?: string;
  /** Published known errors only (true), or only problems that are not (false). */
  readonly knownError?: boolean;
  /** Flagged for follow-up by a change that closed UNSUCCESSFUL (true), or not (false). */
  readonly followUp?: boolean;
  /** Words of number, statement, description, root cause and workaround (web-search syntax). */
  readonly text?: string;
}

export type ProblemListQuery = KeysetQuery<ProblemListFilter, ProblemListCursor>;

const SORT_KEY = 'problems.priority, problems.logged_at, problems.id';

/** The conditions a list and a live subscription share, so both admit exactly the same rows. */
function filterConditions(filter: ProblemListFilter, param: (value: unknown) => string): string[] {
  const conditions: string[] = [];
  if (filter.states?.length) conditions.push(`state = ANY(${param(filter.states)}::text[])`);
  if (filter.priorities?.length)
    conditions.push(`priority = ANY(${param(filter.priorities.map((priority) => Number(priority.slice(1))))}::smallint[])`);
  if (filter.assignmentGroup !== undefined) conditions.push(`assignment_group = ${param(filter.assignmentGroup)}`);
  if (filter.assignee !== undefined) conditions.push(`assignee = ${param(filter.assignee)}`);
  if (filter.serviceId !== undefined) conditions.push(`service_id = ${param(filter.serviceId)}`);
  if (filter.knownError !== undefined) conditions.push(`known_error = ${param(filter.knownError)}`);
  if (filter.followUp !== undefined) conditions.push(`(follow_ups <> '[]') = ${param(filter.followUp)}`);
  if (filter.text !== undefined) conditions.push(`search @@ websearch_to_tsquery('simple', ${param(filter.text)})`);
  return conditions;
}

/**
 * One page in priority order, then oldest first, by keyset. Problems are far fewer than
 * incidents, so one ordered scan of the tenant's queue index serves every filter.
 */
export async function listProblems(db: Queryable, { tenant, filter, first, after }: ProblemListQuery): Promise<KeysetPage<ProblemRow, ProblemListCursor>> {
  const values: unknown[] = [];
  const param = (value: unknown): string => `$${values.push(value)}`;
  const conditions = [`tenant = ${param(tenant)}`, ...filterConditions(filter, param)];
  if (after)
    conditions.push(`(${SORT_KEY}) > (${param(after.priority)}::smallint, ${param(after.loggedAt)}::timestamptz, ${param(after.id)}::uuid)`);
  const { rows } = await db.query<ProblemDbRow>(
    `SELECT ${problemRowTable.columns} FROM problems WHERE ${conditions.join(' AND ')} ORDER BY ${SORT_KEY} LIMIT ${param(first + 1)}`,
    values,
  );
  return keysetPage(rows, first, (row) => ({
    row: problemRowTable.fromDb(row),
    cursor: { priority: row.priority, loggedAt: row.logged_at.toISOString(), id: row.id },
  }));
}

export async function findMatchingProblemRows(
  db: Queryable,
  tenant: string,
  ids: readonly string[],
  filter: ProblemListFilter,
): Promise<ProblemRow[]> {
  if (ids.length === 0) return [];
  const values: unknown[] = [];
  const param = (value: unknown): string => `$${values.push(value)}`;
  const conditions = [`tenant = ${param(tenant)}`, `id = ANY(${param(ids)}::uuid[])`, ...filterConditions(filter, param)];
  const { rows } = await db.query<ProblemDbRow>(
    `SELECT ${problemRowTable.columns} FROM problems WHERE ${conditions.join(' AND ')} ORDER BY ${SORT_KEY}`,
    values,
  );
  return rows.map(problemRowTable.fromDb);
}
