import type pg from 'pg';
import type { Incident } from '#domain';
import { rowTable } from '../row-table.js';
import { rowUpsert } from '../row-upsert.js';
import type { FoldedIncidentRow, IncidentRow } from './incident-row.js';

type Queryable = Pick<pg.PoolClient, 'query'>;

const OWN_COLUMNS = 'incidents.tenant, incidents.id::text AS id, incidents.version::text AS version, incidents.updated_at, incidents.detail';

/** Every select names its rows `incidents`, which this correlates with. */
const JOURNAL = `(SELECT coalesce(jsonb_agg(jsonb_build_object('revision', j.revision::text, 'event', j.event, 'at', j.at,
    'actor', j.actor, 'state', j.state, 'text', j.text) ORDER BY j.revision), '[]'::jsonb)
  FROM incident_journal j WHERE j.tenant = incidents.tenant AND j.incident_id = incidents.id) AS journal`;

export interface IncidentDbRow {
  tenant: string;
  id: string;
  version: string;
  updated_at: Date;
  detail: IncidentRow['detail'];
  journal: IncidentRow['journal'];
}

/** The `incidents` table, one row per incident, with its journal, as the API reads it. */
export const incidentRowTable = rowTable<IncidentDbRow, IncidentRow>({
  table: 'incidents',
  columns: `${OWN_COLUMNS}, ${JOURNAL}`,
  fromDb: (row) => ({
    tenant: row.tenant,
    id: row.id,
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
    detail: row.detail,
    journal: row.journal,
  }),
});

/**
 * The same rows with the folded state and without the journal: the projection only adds to the
 * journal, so a record's thousandth event costs what its first did.
 */
export const foldedIncidentRowTable = rowTable<Omit<IncidentDbRow, 'journal'> & { folded: Incident }, FoldedIncidentRow>({
  table: 'incidents',
  columns: `${OWN_COLUMNS}, incidents.folded`,
  fromDb: ({ folded, ...row }) => ({ ...incidentRowTable.fromDb({ ...row, journal: [] }), folded }),
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

const upsertIncidentRows = rowUpsert('incidents', SAVED_COLUMNS, ({ tenant, id, version, updatedAt, detail, folded }: FoldedIncidentRow) => {
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

const INSERT_JOURNAL_ENTRIES = `
  INSERT INTO incident_journal (tenant, incident_id, revision, event, at, actor, state, text)
  SELECT tenant, incident_id, revision, event, at, actor, state, text
  FROM jsonb_to_recordset($1::jsonb)
    AS r(tenant text, incident_id uuid, revision bigint, event text, at text, actor text, state text, text text)
  ON CONFLICT DO NOTHING`;

/** Two statements for the whole batch: the rows, and the journal entries they gained. */
export async function saveIncidentRows(db: Queryable, rows: readonly FoldedIncidentRow[]): Promise<void> {
  if (rows.length === 0) return;
  await upsertIncidentRows(db, rows);
  const entries = rows.flatMap(({ tenant, id, journal }) => journal.map((entry) => ({ tenant, incident_id: id, ...entry })));
  if (entries.length > 0) await db.query(INSERT_JOURNAL_ENTRIES, [JSON.stringify(entries)]);
}
