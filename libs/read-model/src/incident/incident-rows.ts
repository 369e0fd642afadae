import type pg from 'pg';
import { rowTable } from '../row-table.js';
import type { IncidentRow } from './incident-row.js';

type Queryable = Pick<pg.PoolClient, 'query'>;

const INCIDENT_ROW_COLUMNS = 'tenant, id::text AS id, version::text AS version, updated_at, detail';

export interface IncidentDbRow {
  tenant: string;
  id: string;
  version: string;
  updated_at: Date;
  detail: IncidentRow['detail'];
}

/** The `incidents` table, one row per incident. */
export const incidentRowTable = rowTable<IncidentDbRow, IncidentRow>({
  table: 'incidents',
  columns: INCIDENT_ROW_COLUMNS,
  fromDb: (row) => ({
    tenant: row.tenant,
    id: row.id,
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
    detail: row.detail,
  }),
});

/** One statement for the whole batch: the list columns are taken out of the detail document. */
export async function saveIncidentRows(db: Queryable, rows: readonly IncidentRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.query(
    `INSERT INTO incidents (tenant, id, number, title, description, state, impact, urgency, priority,
       caller_id, service_id, category, assignment_group, assignee, major, opened_at, updated_at, version, detail)
     SELECT r.tenant, r.id, i->>'number', i->>'title', i->>'description', i->>'status',
       (i->>'impact')::smallint, (i->>'urgency')::smallint, substr(i->>'priority', 2)::smallint,
       i->>'callerId', i->>'serviceId', i->>'category', i->>'assignmentGroup', i->>'assignee',
       coalesce(i->'majorIncident' <> 'null'::jsonb, false), (i->>'openedAt')::timestamptz, r.updated_at, r.version, r.detail
     FROM jsonb_to_recordset($1::jsonb) AS r(tenant text, id uuid, version bigint, updated_at timestamptz, detail jsonb),
       LATERAL (SELECT r.detail->'incident' AS i) AS d
     ON CONFLICT (tenant, id) DO UPDATE SET
       number = EXCLUDED.number, title = EXCLUDED.title, description = EXCLUDED.description,
       state = EXCLUDED.state, impact = EXCLUDED.impact, urgency = EXCLUDED.urgency,
       priority = EXCLUDED.priority, caller_id = EXCLUDED.caller_id, service_id = EXCLUDED.service_id,
       category = EXCLUDED.category, assignment_group = EXCLUDED.assignment_group,
       assignee = EXCLUDED.assignee, major = EXCLUDED.major, opened_at = EXCLUDED.opened_at,
       updated_at = EXCLUDED.updated_at, version = EXCLUDED.version, detail = EXCLUDED.detail`,
    [
      JSON.stringify(
        rows.map((row) => ({
          tenant: row.tenant,
          id: row.id,
          version: row.version,
          updated_at: row.updatedAt,
          detail: row.detail,
        })),
      ),
    ],
  );
}
