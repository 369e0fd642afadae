import type pg from 'pg';
import { rowTable } from '../row-table.js';
import type { ProblemRow } from './problem-row.js';

type Queryable = Pick<pg.PoolClient, 'query'>;

/** Linked incidents come from the link table, in the order they were linked. */
const PROBLEM_ROW_COLUMNS = `problems.tenant, problems.id::text AS id, problems.version::text AS version, problems.updated_at,
  number, state, statement, description, service_id, impact, urgency, priority, assignment_group, assignee,
  root_cause, workaround, known_error, fixing_change_id, follow_ups, resolution, logged_at,
  array(SELECT link.incident_id::text FROM problem_incident_links AS link
        WHERE link.tenant = problems.tenant AND link.problem_id = problems.id::text
        ORDER BY link.seq) AS linked_incident_ids`;

export interface ProblemDbRow {
  tenant: string;
  id: string;
  version: string;
  updated_at: Date;
  number: string;
  state: ProblemRow['state'];
  statement: string;
  description: string;
  service_id: string | null;
  impact: ProblemRow['impact'];
  urgency: ProblemRow['urgency'];
  priority: number;
  assignment_group: string | null;
  assignee: string | null;
  root_cause: string | null;
  workaround: string | null;
  known_error: boolean;
  fixing_change_id: string | null;
  follow_ups: ProblemRow['followUps'];
  resolution: ProblemRow['resolution'];
  logged_at: Date;
  linked_incident_ids: string[];
}

export function problemFromDb(row: ProblemDbRow): ProblemRow {
  return {
    tenant: row.tenant,
    id: row.id,
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
    number: row.number,
    state: row.state,
    statement: row.statement,
    description: row.description,
    serviceId: row.service_id,
    impact: row.impact,
    urgency: row.urgency,
    priority: `P${row.priority}` as ProblemRow['priority'],
    assignmentGroup: row.assignment_group,
    assignee: row.assignee,
    rootCause: row.root_cause,
    workaround: row.workaround,
    knownError: row.known_error,
    fixingChangeId: row.fixing_change_id,
    followUps: row.follow_ups,
    resolution: row.resolution,
    loggedAt: row.logged_at.toISOString(),
    linkedIncidentIds: row.linked_incident_ids,
  };
}

/** The `problems` table, one row per problem. */
export const problemRowTable = rowTable<ProblemDbRow, ProblemRow>({
  table: 'problems',
  columns: PROBLEM_ROW_COLUMNS,
  fromDb: problemFromDb,
});

/** One statement for the whole batch; linked incidents are the link table's, not saved here. */
export async function saveProblemRows(db: Queryable, rows: readonly ProblemRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.query(
    `INSERT INTO problems (tenant, id, version, updated_at, number, state, statement, description, service_id,
       impact, urgency, priority, assignment_group, assignee, root_cause, workaround, known_error,
       fixing_change_id, follow_ups, resolution, logged_at)
     SELECT r.tenant, r.id, r.version, r.updated_at, r.number, r.state, r.statement, r.description, r.service_id,
       r.impact, r.urgency, substr(r.priority, 2)::smallint, r.assignment_group, r.assignee, r.root_cause,
       r.workaround, r.known_error, r.fixing_change_id, r.follow_ups, r.resolution, r.logged_at
     FROM jsonb_to_recordset($1::jsonb) AS r(tenant text, id uuid, version bigint, updated_at timestamptz,
       number text, state text, statement text, description text, service_id text, impact smallint,
       urgency smallint, priority text, assignment_group text, assignee text, root_cause text, workaround text,
       known_error boolean, fixing_change_id text, follow_ups jsonb, resolution jsonb, logged_at timestamptz)
     ON CONFLICT (tenant, id) DO UPDATE SET
       version = EXCLUDED.version, updated_at = EXCLUDED.updated_at, number = EXCLUDED.number,
       state = EXCLUDED.state, statement = EXCLUDED.statement, description = EXCLUDED.description,
       service_id = EXCLUDED.service_id, impact = EXCLUDED.impact, urgency = EXCLUDED.urgency,
       priority = EXCLUDED.priority, assignment_group = EXCLUDED.assignment_group, assignee = EXCLUDED.assignee,
       root_cause = EXCLUDED.root_cause, workaround = EXCLUDED.workaround, known_error = EXCLUDED.known_error,
       fixing_change_id = EXCLUDED.fixing_change_id, follow_ups = EXCLUDED.follow_ups, resolution = EXCLUDED.resolution, logged_at = EXCLUDED.logged_at`,
    [
      JSON.stringify(
        rows.map((row) => ({
          tenant: row.tenant,
          id: row.id,
          version: row.version,
          updated_at: row.updatedAt,
          number: row.number,
          state: row.state,
          statement: row.statement,
          description: row.description,
          service_id: row.serviceId,
          impact: row.impact,
          urgency: row.urgency,
          priority: row.priority,
          assignment_group: row.assignmentGroup,
          assignee: row.assignee,
          root_cause: row.rootCause,
          workaround: row.workaround,
          known_error: row.knownError,
          fixing_change_id: row.fixingChangeId,
          follow_ups: row.followUps,
          resolution: row.resolution,
          logged_at: row.loggedAt,
        })),
      ),
    ],
  );
}
