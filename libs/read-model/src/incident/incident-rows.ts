import type { Incident } from '#domain';
import { rowTable } from '../row-table.js';
import { rowUpsert } from '../row-upsert.js';
import type { FoldedIncidentRow, IncidentRow } from './incident-row.js';

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
  follow_up: 'boolean',
  opened_at: 'timestamptz',
  updated_at: 'timestamptz',
  version: 'bigint',
  detail: 'jsonb',
  folded: 'jsonb',
} as const;

/** One statement for the whole batch. */
export const saveIncidentRows = rowUpsert('incidents', SAVED_COLUMNS, ({ tenant, id, version, updatedAt, detail, folded }: FoldedIncidentRow) => {
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
    follow_up: incident.followUps.length > 0,
    opened_at: incident.openedAt,
    updated_at: updatedAt,
    version,
    detail,
    folded,
  };
});
