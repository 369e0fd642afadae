import type pg from 'pg';
import { foldEvents, incidentDecider } from '#domain';
import { eventSerializer, type IncidentEvent } from '#events';
import { incidentViewOf, listIncidents, type IncidentDetail, type IncidentListQuery } from '#read-model';
import type { BenchDatabase } from './databases.js';
import { bulkLoad, percentile, progress, runConcurrently, sequentialLatencies, timed, type Figure } from './harness.js';
import { incidentHistory } from './incident-history.js';

const PAGE = 50;
/** Both cores: the load is bound by writing heap, WAL and index pages, not by one query plan. */
const LOAD_SESSIONS = 2;
const TENANTS = ['acme', 'globex', 'initech', 'umbrella'];

/** The unfiltered queue page as one plain SELECT on the queue index: the floor for any list. */
const BASELINE_PAGE = `SELECT tenant, id::text AS id, version::text AS version, updated_at, detail, priority, opened_at
  FROM incidents WHERE tenant = $1 ORDER BY priority, opened_at, id LIMIT ${PAGE + 1}`;

/**
 * `incidents` list pages over `rowCount` incidents: the queue, state and group consoles, a
 * requester's own list, and the page after a cursor, in turn.
 */
export async function listBench(database: BenchDatabase, rowCount: number, queries: number): Promise<Figure> {
  const loaded = await timed(() => fillIncidents(database.pool, rowCount));
  progress(`${rowCount} incidents inserted and indexed in ${loaded.seconds.toFixed(1)} s`);
  const requests = await listRequests(database.pool);
  const listLatencies = await sequentialLatencies(queries, (index) => listIncidents(database.pool, requests[index % requests.length]!));
  const baselineLatencies = await sequentialLatencies(queries, (index) => database.pool.query(BASELINE_PAGE, [TENANTS[index % TENANTS.length]]));
  return {
    database: database.label,
    name: `incidents list p99, ${rowCount} rows, ${PAGE}/page`,
    unit: 'ms',
    value: percentile(listLatencies, 99),
    baseline: percentile(baselineLatencies, 99),
    higherIsBetter: false,
    note: `p50 ${percentile(listLatencies, 50).toFixed(2)} ms; baseline: unfiltered page, one plain SELECT`,
  };
}

async function listRequests(pool: pg.Pool): Promise<IncidentListQuery[]> {
  const deep = await listIncidents(pool, { tenant: 'acme', filter: {}, first: 5_000 });
  const cursor = deep.items.at(-1)?.cursor;
  return TENANTS.flatMap((tenant): IncidentListQuery[] => [
    { tenant, filter: {}, first: PAGE },
    { tenant, filter: { states: ['NEW', 'IN_PROGRESS', 'ON_HOLD'] }, first: PAGE },
    { tenant, filter: { assignmentGroup: 'group-7', states: ['NEW', 'IN_PROGRESS'] }, first: PAGE },
    { tenant, filter: { callerId: 'caller-42' }, first: PAGE },
    { tenant, filter: { priorities: ['P1', 'P2'] }, first: PAGE },
    ...(cursor ? [{ tenant, filter: {}, first: PAGE, after: cursor }] : []),
  ]);
}

const INSERT_GENERATED = `
  INSERT INTO incidents (tenant, id, number, title, description, state, impact, urgency, priority, caller_id,
    service_id, category, assignment_group, assignee, major, opened_at, updated_at, version, detail, folded)
  SELECT (ARRAY['acme', 'globex', 'initech', 'umbrella'])[1 + g % 4], gen_random_uuid(),
    'INC' || lpad(g::text, 7, '0'), 'Printer ' || g || ' on floor ' || g % 12 || ' does not print',
    'Jobs stay in the queue', (ARRAY['NEW', 'IN_PROGRESS', 'ON_HOLD', 'RESOLVED', 'CLOSED', 'CANCELED'])[1 + g % 6],
    1 + g % 3, 1 + (g / 3) % 3, 1 + (g / 7) % 5, 'caller-' || g % 5000, 'service-' || g % 40, 'hardware',
    'group-' || g % 20, CASE WHEN g % 3 = 0 THEN NULL ELSE 'agent-' || g % 200 END, g % 997 = 0,
    timestamptz '2025-01-01' + g * interval '30 seconds', now(), 3, $3::jsonb, $4::jsonb
  FROM generate_series($1::int, $2::int) AS g`;

/**
 * Replaces the read model with `rowCount` generated incidents (INSERT ... SELECT generate_series),
 * its secondary indexes dropped meanwhile and rebuilt after: a bulk load, not a projection. Every
 * row carries the detail of one real incident, folded by the domain's own decider.
 */
async function fillIncidents(pool: pg.Pool, rowCount: number): Promise<void> {
  const folded = templateIncident();
  const detail = JSON.stringify({ incident: incidentViewOf(folded) } satisfies IncidentDetail);
  const share = Math.ceil(rowCount / LOAD_SESSIONS);
  await bulkLoad(pool, 'incidents', LOAD_SESSIONS, () =>
    runConcurrently(LOAD_SESSIONS, LOAD_SESSIONS, (session) =>
      pool.query(INSERT_GENERATED, [session * share + 1, Math.min(rowCount, (session + 1) * share), detail, JSON.stringify(folded)]).then(() => undefined),
    ),
  );
}

function templateIncident() {
  const events = incidentHistory(0).events.map((event) => eventSerializer.deserialize<IncidentEvent>(event));
  return foldEvents(incidentDecider, events)!;
}
