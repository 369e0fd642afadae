import type pg from 'pg';
import { findScheduleConflicts, toEpochMs, type PlannedChange } from '#domain';
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
 * start, each with the other changes it conflicts with as the read model stands now. Two GiST
 * range searches, the entries and every slot-holding change overlapping the span they cover
 * (which holds all their conflicts); the domain's own rule then pairs them, each entry against
 * the few changes a sweep by start leaves it, not against all of them.
 */
export async function listChangeSchedule(
  db: Queryable,
  tenant: string,
  range: TimeWindow,
  serviceId?: string,
): Promise<ScheduleEntryRow[]> {
  const values: unknown[] = [tenant, range.start, range.end];
  const byService = serviceId === undefined ? '' : `AND c.service_ids @> ARRAY[$${values.push(serviceId)}]::text[]`;
  const { rows } = await db.query<ChangeDbRow & WindowColumns>(
    `SELECT c.tenant, c.id::text AS id, c.version::text AS version, c.updated_at, c.detail, c.service_ids, c.planned_start, c.planned_end
     FROM changes c
     WHERE c.tenant = $1 AND ${holdsSlot('c')}
       AND tstzrange(c.planned_start, c.planned_end) && tstzrange($2::timestamptz, $3::timestamptz)
       ${byService}
     ORDER BY c.planned_start, c.id
     LIMIT ${MAX_SCHEDULE_ENTRIES}`,
    values,
  );
  if (rows.length === 0) return [];
  const span = {
    start: rows[0]!.planned_start.toISOString(),
    end: new Date(Math.max(...rows.map((row) => row.planned_end.getTime()))).toISOString(),
  };
  const calendar = byStart(await plannedChangesOverlapping(db, tenant, span));
  const longest = Math.max(0, ...calendar.map((change) => toEpochMs(change.end) - toEpochMs(change.start)));
  return rows.map((row) => {
    const window = { start: row.planned_start.toISOString(), end: row.planned_end.toISOString() };
    // Only a change starting after this one's start less the longest window can overlap it.
    const from = firstStartingAtOrAfter(calendar, row.planned_start.getTime() - longest);
    const to = firstStartingAtOrAfter(calendar, row.planned_end.getTime());
    const candidates = { changes: calendar.slice(from, to), blackoutWindows: [] };
    const conflicts = findScheduleConflicts({ changeId: row.id, serviceIds: row.service_ids, window }, candidates);
    return { row: changeRowTable.fromDb(row), changeConflicts: conflicts.slice(0, MAX_CONFLICTS_PER_ENTRY) as ChangeWindowConflict[] };
  });
}

interface WindowColumns {
  readonly service_ids: string[];
  readonly planned_start: Date;
  readonly planned_end: Date;
}

function byStart(changes: PlannedChange[]): (PlannedChange & { startMs: number })[] {
  return changes.map((change) => ({ ...change, startMs: toEpochMs(change.start) })).sort((a, b) => a.startMs - b.startMs);
}

/** Binary search in a list sorted by start. */
function firstStartingAtOrAfter(changes: readonly { startMs: number }[], ms: number): number {
  let low = 0;
  let high = changes.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (changes[middle]!.startMs < ms) low = middle + 1;
    else high = middle;
  }
  return low;
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
