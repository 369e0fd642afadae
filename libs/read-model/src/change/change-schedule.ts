import type pg from 'pg';
import type { PlannedChange } from '#domain';
import type { ChangeWindowConflict, TimeWindow } from '#events';
import type { ChangeRow } from './change-row.js';
import { changeRowTable, type ChangeDbRow } from './change-rows.js';

type Queryable = Pick<pg.PoolClient, 'query'>;

/**
 * A canceled change holds no slot; every other one with a planned window does, done or not, so
 * a window planned over one being implemented is a conflict.
 */
function holdsSlot(alias: string): string {
  return `${alias}.state <> 'CANCELED' AND ${alias}.planned_start IS NOT NULL`;
}

/** At most this many entries per schedule answer, and conflicts listed per entry. */
export const MAX_SCHEDULE_ENTRIES = 2_000;
const MAX_CONFLICTS_PER_ENTRY = 50;

export interface ScheduleEntryRow {
  readonly row: ChangeRow;
  /** Other changes on a shared service with an overlapping window, now. */
  readonly changeConflicts: readonly ChangeWindowConflict[];
}

/**
 * The changes whose planned window overlaps the range (optionally touching one service), by
 * start, each with the other changes it conflicts with as the read model stands now: one GiST
 * range search, and one per entry for its conflicts.
 */
export async function listChangeSchedule(
  db: Queryable,
  tenant: string,
  range: TimeWindow,
  serviceId?: string,
): Promise<ScheduleEntryRow[]> {
  const values: unknown[] = [tenant, range.start, range.end];
  const byService = serviceId === undefined ? '' : `AND c.service_ids @> ARRAY[$${values.push(serviceId)}]::text[]`;
  const { rows } = await db.query<ChangeDbRow & { conflicts: ChangeWindowConflict[] | null }>(
    `SELECT c.tenant, c.id::text AS id, c.version::text AS version, c.updated_at, c.detail, conflicts.list AS conflicts
     FROM changes c
     CROSS JOIN LATERAL (
       SELECT jsonb_agg(jsonb_build_object(
         'kind', 'CHANGE', 'changeId', o.id, 'number', o.number,
         'serviceIds', ARRAY(SELECT unnest(o.service_ids) INTERSECT SELECT unnest(c.service_ids) ORDER BY 1),
         'start', o.planned_start, 'end', o.planned_end) ORDER BY o.planned_start, o.id) AS list
       FROM (SELECT * FROM changes o
             WHERE o.tenant = c.tenant AND o.id <> c.id AND ${holdsSlot('o')}
               AND o.service_ids && c.service_ids
               AND tstzrange(o.planned_start, o.planned_end) && tstzrange(c.planned_start, c.planned_end)
             ORDER BY o.planned_start, o.id LIMIT ${MAX_CONFLICTS_PER_ENTRY}) o
     ) conflicts
     WHERE c.tenant = $1 AND ${holdsSlot('c')}
       AND tstzrange(c.planned_start, c.planned_end) && tstzrange($2::timestamptz, $3::timestamptz)
       ${byService}
     ORDER BY c.planned_start, c.id
     LIMIT ${MAX_SCHEDULE_ENTRIES}`,
    values,
  );
  return rows.map((row) => ({
    row: changeRowTable.fromDb(row),
    changeConflicts: (row.conflicts ?? []).map((conflict) => ({ ...conflict, start: iso(conflict.start), end: iso(conflict.end) })),
  }));
}

/**
 * The planned changes overlapping a window: the calendar a scheduling decides against (the
 * decider keeps those on a shared service).
 */
export async function plannedChangesOverlapping(db: Queryable, tenant: string, window: TimeWindow): Promise<PlannedChange[]> {
  const { rows } = await db.query<{ id: string; number: string; service_ids: string[]; planned_start: Date; planned_end: Date }>(
    `SELECT id::text AS id, number, service_ids, planned_start, planned_end FROM changes c
     WHERE tenant = $1 AND ${holdsSlot('c')}
       AND tstzrange(planned_start, planned_end) && tstzrange($2::timestamptz, $3::timestamptz)
     ORDER BY planned_start, id`,
    [tenant, window.start, window.end],
  );
  return rows.map((row) => ({
    changeId: row.id,
    number: row.number,
    serviceIds: row.service_ids,
    start: row.planned_start.toISOString(),
    end: row.planned_end.toISOString(),
  }));
}

/** jsonb holds PostgreSQL's timestamp text; clients get ISO-8601 in UTC, as everywhere. */
function iso(instant: string): string {
  return new Date(instant).toISOString();
}
