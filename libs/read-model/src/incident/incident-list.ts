import type pg from 'pg';
import type { IncidentStatus } from '#domain';
import type { Priority } from '#events';
import { keysetPage, type KeysetPage, type KeysetQuery } from '../keyset-page.js';
import type { IncidentListCursor } from './incident-list-cursor.js';
import type { IncidentRow } from './incident-row.js';
import { incidentRowTable, type IncidentDbRow } from './incident-rows.js';

type Queryable = Pick<pg.PoolClient, 'query'>;

/** What a list or a live subscription may ask for; an absent or empty criterion restricts nothing. */
export interface IncidentListFilter {
  readonly states?: readonly IncidentStatus[];
  readonly priorities?: readonly Priority[];
  readonly assignmentGroup?: string;
  readonly assignee?: string;
  readonly serviceId?: string;
  /** Words of number, title and description (web-search syntax: "phrase", or, -not). */
  readonly text?: string;
  /** Flagged for follow-up by a change that closed UNSUCCESSFUL (true), or not (false). */
  readonly followUp?: boolean;
  /** Set for requesters, who see only the incidents they reported. */
  readonly callerId?: string;
}

export type IncidentListQuery = KeysetQuery<IncidentListFilter, IncidentListCursor>;
export type IncidentListPage = KeysetPage<IncidentRow, IncidentListCursor>;

export interface SqlQuery {
  readonly text: string;
  readonly values: readonly unknown[];
}

const SORT_KEY = 'priority, opened_at, id';
const INCIDENT_ROW_COLUMNS = incidentRowTable.columns;
/** Qualified: a bare `id` in ORDER BY would name the output column, the uuid cast to text. */
const sortKeyOf = (table: string) => `${table}.priority, ${table}.opened_at, ${table}.id`;

/**
 * One page in queue order (priority, then oldest first), by keyset: the page after a cursor
 * starts at an index position instead of skipping rows, so deep pages cost what the first does.
 * Each listed state and priority becomes a branch of its own (their product), every branch one
 * ordered index range that the planner merges and cuts to the page: `= ANY(...)` would instead
 * read every match and sort it, or scan the queue filtering out rows of other priorities.
 */
function incidentListSql({ tenant, filter, first, after }: IncidentListQuery): SqlQuery {
  const values: unknown[] = [];
  const param = (value: unknown): string => `$${values.push(value)}`;
  const shared = [`tenant = ${param(tenant)}`, ...filterConditions(filter, param)];
  const limit = param(first + 1);
  // Functions, not strings: PostgreSQL refuses parameters that no branch uses.
  const cursor = after && {
    priority: after.priority,
    whole: () => `(${SORT_KEY}) > (${param(after.priority)}::smallint, ${param(after.openedAt)}::timestamptz, ${param(after.id)}::uuid)`,
    withinPriority: () => `(opened_at, id) > (${param(after.openedAt)}::timestamptz, ${param(after.id)}::uuid)`,
  };
  const states = orAny(distinct(filter.states).map((state) => `state = ${param(state)}`));
  // A listed priority before the cursor's has nothing left; one after it is left whole.
  const levels = orAny(distinct(filter.priorities).map(priorityLevel)).filter(
    (level) => !cursor || level === undefined || level >= cursor.priority,
  );
  const branches = states.flatMap((state) =>
    levels.map((level) => {
      const conditions = [...shared];
      if (state) conditions.push(state);
      if (level !== undefined) conditions.push(`priority = ${param(level)}`);
      if (cursor && level === undefined) conditions.push(cursor.whole());
      // After `priority =`, a whole-key comparison would not bound the scan; this one does.
      if (cursor && level === cursor.priority) conditions.push(cursor.withinPriority());
      return `(SELECT tenant, id, version, updated_at, detail, priority, opened_at FROM incidents
        WHERE ${conditions.join(' AND ')} ORDER BY ${SORT_KEY} LIMIT ${limit})`;
    }),
  );
  if (branches.length === 0) {
    return { text: `SELECT ${INCIDENT_ROW_COLUMNS}, incidents.priority, incidents.opened_at FROM incidents WHERE false`, values: [] };
  }
  return {
    text: `SELECT ${INCIDENT_ROW_COLUMNS}, incidents.priority, incidents.opened_at FROM (${branches.join(' UNION ALL ')}) AS incidents
      ORDER BY ${sortKeyOf('incidents')} LIMIT ${limit}`,
    values,
  };
}

/**
 * The incidents among `ids` that the filter admits, with the very conditions of the list, so a
 * live subscription pushes exactly what the list with the same filter would show.
 */
function matchingIncidentsSql(tenant: string, ids: readonly string[], filter: IncidentListFilter): SqlQuery {
  const values: unknown[] = [];
  const param = (value: unknown): string => `$${values.push(value)}`;
  const conditions = [`tenant = ${param(tenant)}`, `id = ANY(${param(ids)}::uuid[])`, ...filterConditions(filter, param)];
  const states = distinct(filter.states);
  if (states.length > 0) conditions.push(`state = ANY(${param(states)}::text[])`);
  const priorities = distinct(filter.priorities).map(priorityLevel);
  if (priorities.length > 0) conditions.push(`priority = ANY(${param(priorities)}::smallint[])`);
  return {
    text: `SELECT ${INCIDENT_ROW_COLUMNS} FROM incidents WHERE ${conditions.join(' AND ')} ORDER BY ${sortKeyOf('incidents')}`,
    values,
  };
}

export async function listIncidents(db: Queryable, query: IncidentListQuery): Promise<IncidentListPage> {
  const { text, values } = incidentListSql(query);
  const { rows } = await db.query<IncidentDbRow & { priority: number; opened_at: Date }>(text, [...values]);
  return keysetPage(rows, query.first, (row) => ({
    row: incidentRowTable.fromDb(row),
    cursor: { priority: row.priority, openedAt: row.opened_at.toISOString(), id: row.id },
  }));
}

export async function findMatchingIncidentRows(
  db: Queryable,
  tenant: string,
  ids: readonly string[],
  filter: IncidentListFilter,
): Promise<IncidentRow[]> {
  if (ids.length === 0) return [];
  const { text, values } = matchingIncidentsSql(tenant, ids, filter);
  const { rows } = await db.query<IncidentDbRow>(text, [...values]);
  return rows.map(incidentRowTable.fromDb);
}

/** Every criterion but state and priority, which the two queries apply differently. */
function filterConditions(filter: IncidentListFilter, param: (value: unknown) => string): string[] {
  const conditions: string[] = [];
  if (filter.assignmentGroup !== undefined) conditions.push(`assignment_group = ${param(filter.assignmentGroup)}`);
  if (filter.assignee !== undefined) conditions.push(`assignee = ${param(filter.assignee)}`);
  if (filter.serviceId !== undefined) conditions.push(`service_id = ${param(filter.serviceId)}`);
  if (filter.callerId !== undefined) conditions.push(`caller_id = ${param(filter.callerId)}`);
  if (filter.followUp !== undefined) conditions.push(`follow_up = ${param(filter.followUp)}`);
  if (filter.text !== undefined) conditions.push(`search @@ websearch_to_tsquery('simple', ${param(filter.text)})`);
  return conditions;
}

/** The alternatives of one criterion, or a single "anything" when it is not given. */
function orAny<T>(alternatives: readonly T[]): (T | undefined)[] {
  return alternatives.length > 0 ? [...alternatives] : [undefined];
}

/** 'P3' is stored as 3, so that it sorts. */
function priorityLevel(priority: Priority): number {
  return Number(priority.slice(1));
}

function distinct<T>(values: readonly T[] | undefined): T[] {
  return [...new Set(values ?? [])];
}
