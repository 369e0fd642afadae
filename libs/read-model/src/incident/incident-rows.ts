import type pg from 'pg';
import type { Incident } from '#domain';
import { rowTable } from '../row-table.js';
import type { FoldedIncidentRow, IncidentRow } from './incident-row.js';

type Queryable = Pick<pg.PoolClient, 'query'>;

const INCIDENT_ROW_COLUMNS = 'tenant, id::text AS id, version::text AS version, updated_at, detail';

export interface IncidentDbRow {
  tenant: string;
  id: string;
  version: string;
  updated_at: Date;
  detail: IncidentRow['detail'];
}

const fromDb = (row: IncidentDbRow): IncidentRow => ({
  tenant: row.tenant,
  id: row.id,
  version: row.version,
  updatedAt: row.updated_at.toISOString(),
  detail: row.detail,
});

/** The `incidents` table, one row per incident, as the API reads it. */
export const incidentRowTable = rowTable<IncidentDbRow, IncidentRow>({ table: 'incidents', columns: INCIDENT_ROW_COLUMNS, fromDb });

/** The same rows with the folded state, which only the projection reads. */
export const foldedIncidentRowTable = rowTable<IncidentDbRow & { folded: Incident }, FoldedIncidentRow>({
  table: 'incidents',
  columns: `${INCIDENT_ROW_COLUMNS}, folded`,
  fromDb: (row) => ({ ...fromDb(row), folded: row.folded }),
});

/** Every column a save writes, with its type: the list columns come from the row's view, by name. */
const SAVED_COLUMNS = {
  tenant: 'text',
  id: 'uuid',
  number: 'text',
  title: 'text',
  description: 'text',
  state: 'text',
  impact: 'smallint',
  urgency: 'smallint',
  priority: 'smallint',
  caller_id: 'text',
  service_id: 'text',
  category: 'text',
  assignment_group: 'text',
  assignee: 'text',
  major: 'boolean',
  opened_at: 'timestamptz',
  updated_at: 'timestamptz',
  version: 'bigint',
  detail: 'jsonb',
  folded: 'jsonb',
} as const;

type SavedRow = { readonly [column in keyof typeof SAVED_COLUMNS]: unknown };

function savedRow({ tenant, id, version, updatedAt, detail, folded }: FoldedIncidentRow): SavedRow {
  const incident = detail.incident;
  return {
    tenant,
    id,
    number: incident.number,
    title: incident.title,
    description: incident.description,
    state: incident.status,
    impact: incident.impact,
    urgency: incident.urgency,
    priority: Number(incident.priority.slice(1)),
    caller_id: incident.callerId,
    service_id: incident.serviceId,
    category: incident.category,
    assignment_group: incident.assignmentGroup,
    assignee: incident.assignee,
    major: incident.majorIncident !== null,
    opened_at: incident.openedAt,
    updated_at: updatedAt,
    version,
    detail,
    folded,
  };
}

const columns = Object.keys(SAVED_COLUMNS);
const UPSERT_INCIDENT_ROWS = `
  INSERT INTO incidents (${columns.join(', ')})
  SELECT ${columns.join(', ')}
  FROM jsonb_to_recordset($1::jsonb) AS r(${Object.entries(SAVED_COLUMNS).map(([name, type]) => `${name} ${type}`).join(', ')})
  ON CONFLICT (tenant, id) DO UPDATE SET
    ${columns.filter((name) => name !== 'tenant' && name !== 'id').map((name) => `${name} = EXCLUDED.${name}`).join(', ')}`;

/** One statement for the whole batch. */
export async function saveIncidentRows(db: Queryable, rows: readonly FoldedIncidentRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.query(UPSERT_INCIDENT_ROWS, [JSON.stringify(rows.map(savedRow))]);
}
