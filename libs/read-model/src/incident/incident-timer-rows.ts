import type pg from 'pg';
import { rowTable } from '../row-table.js';
import type { IncidentTimerKind, IncidentTimerRow } from './incident-timer-row.js';

type Queryable = Pick<pg.PoolClient, 'query'>;

interface DbRow {
  tenant: string;
  incident_id: string;
  due_at: Date | null;
  kind: IncidentTimerKind | null;
  incident: IncidentTimerRow['incident'];
}

/** The `incident_timers` table, one row per incident that may still fall due. */
export const incidentTimerRowTable = rowTable<DbRow, IncidentTimerRow>({
  table: 'incident_timers',
  columns: 'tenant, incident_id::text AS incident_id, due_at, kind, incident',
  idColumn: 'incident_id',
  fromDb: (row) => ({
    tenant: row.tenant,
    incidentId: row.incident_id,
    incident: row.incident,
    due: row.due_at && row.kind ? { at: row.due_at.toISOString(), kind: row.kind } : null,
  }),
});

/** The rows whose instant has come by `now`, earliest first: the timer worker's to-do list. */
export async function findDueIncidentTimerRows(db: Queryable, now: Date, limit: number): Promise<IncidentTimerRow[]> {
  const { rows } = await db.query<DbRow>(
    `SELECT ${incidentTimerRowTable.columns} FROM incident_timers WHERE due_at <= $1 ORDER BY due_at LIMIT $2`,
    [now, limit],
  );
  return rows.map(incidentTimerRowTable.fromDb);
}

export async function saveIncidentTimerRows(db: Queryable, rows: readonly IncidentTimerRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.query(
    `INSERT INTO incident_timers (tenant, incident_id, due_at, kind, incident)
     SELECT tenant, incident_id, due_at, kind, incident
     FROM jsonb_to_recordset($1::jsonb) AS r(tenant text, incident_id uuid, due_at timestamptz, kind text, incident jsonb)
     ON CONFLICT (tenant, incident_id) DO UPDATE SET
       due_at = EXCLUDED.due_at, kind = EXCLUDED.kind, incident = EXCLUDED.incident`,
    [
      JSON.stringify(
        rows.map((row) => ({
          tenant: row.tenant,
          incident_id: row.incidentId,
          due_at: row.due?.at ?? null,
          kind: row.due?.kind ?? null,
          incident: row.incident,
        })),
      ),
    ],
  );
}

/**
 * Moves a row's due instant when the worker finds it was computed with settings since changed.
 * Only if the row still holds what the worker read: a projection update in between wins.
 */
export async function rescheduleIncidentTimerRow(
  db: Queryable,
  row: IncidentTimerRow,
  due: IncidentTimerRow['due'],
): Promise<void> {
  await db.query(
    `UPDATE incident_timers SET due_at = $4, kind = $5
     WHERE tenant = $1 AND incident_id = $2 AND due_at IS NOT DISTINCT FROM $3::timestamptz`,
    [row.tenant, row.incidentId, row.due?.at ?? null, due?.at ?? null, due?.kind ?? null],
  );
}
