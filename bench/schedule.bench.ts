import type pg from 'pg';
import { changeDecider, foldEvents, type ChangeCommand } from '#domain';
import type { ChangeEvent } from '#events';
import { changeViewOf, listChangeSchedule, type ChangeDetail } from '#read-model';
import type { BenchDatabase } from './databases.js';
import { bulkLoad, percentile, progress, runConcurrently, sequentialLatencies, timed, type Figure } from './harness.js';

const TENANTS = ['acme', 'globex', 'initech', 'umbrella'];
const WEEK_MS = 7 * 86_400_000;
const YEAR_START = Date.parse('2025-01-01T00:00:00.000Z');
const LOAD_SESSIONS = 2;

/** The range search alone, without conflicts: the floor for any schedule answer. */
const BASELINE = `SELECT tenant, id::text AS id, version::text AS version, updated_at, detail FROM changes
  WHERE tenant = $1 AND planned_start IS NOT NULL AND state <> 'CANCELED'
    AND tstzrange(planned_start, planned_end) && tstzrange($2::timestamptz, $3::timestamptz)
  ORDER BY planned_start, id LIMIT 2000`;

/**
 * `changeSchedule` over a year of `rowCount` changes in four tenants: one week of one tenant,
 * every change in it with its conflicting changes, in turn with and without a service.
 */
export async function scheduleBench(database: BenchDatabase, rowCount: number, queries: number): Promise<Figure> {
  const loaded = await timed(() => fillChanges(database.pool, rowCount));
  progress(`${rowCount} changes inserted and indexed in ${loaded.seconds.toFixed(1)} s`);
  const range = (index: number) => {
    const start = YEAR_START + (index % 50) * WEEK_MS;
    return { start: new Date(start).toISOString(), end: new Date(start + WEEK_MS).toISOString() };
  };
  const tenant = (index: number) => TENANTS[index % TENANTS.length]!;
  const schedule = await sequentialLatencies(queries, (index) =>
    // Services of a tenant are those whose number leaves its index modulo 4, as generated.
    listChangeSchedule(database.pool, tenant(index), range(index), index % 2 === 0 ? undefined : `service-${(index % 10) * 4 + (index % 4)}`),
  );
  const baseline = await sequentialLatencies(queries, (index) => {
    const { start, end } = range(index);
    return database.pool.query(BASELINE, [tenant(index), start, end]);
  });
  return {
    database: database.label,
    name: `changeSchedule p99, a week of ${rowCount} changes over a year`,
    unit: 'ms',
    value: percentile(schedule, 99),
    baseline: percentile(baseline, 99),
    higherIsBetter: false,
    note: `p50 ${percentile(schedule, 50).toFixed(2)} ms; baseline: the range search alone, no conflicts`,
  };
}

/** Spread over the year: one to four hours each, on two of forty services. */
const INSERT_GENERATED = `
  INSERT INTO changes (tenant, id, number, type, state, title, description, risk, impact, requested_by, service_ids,
    planned_start, planned_end, requested_at, updated_at, version, detail, folded)
  SELECT (ARRAY['acme', 'globex', 'initech', 'umbrella'])[1 + g % 4], gen_random_uuid(), 'CHG' || lpad(g::text, 7, '0'),
    (ARRAY['STANDARD', 'NORMAL', 'EMERGENCY'])[1 + g % 3], (ARRAY['SCHEDULED', 'CLOSED', 'CANCELED', 'IMPLEMENT'])[1 + g % 4],
    'Patch server ' || g, '', 'LOW', 3, 'agent-' || g % 50, ARRAY['service-' || g % 40, 'service-' || (g * 7) % 40],
    $5::timestamptz + (g::bigint * $6::bigint / $2::bigint) * interval '1 millisecond',
    $5::timestamptz + (g::bigint * $6::bigint / $2::bigint) * interval '1 millisecond' + (1 + g % 4) * interval '1 hour',
    $5::timestamptz, now(), 5, $3::jsonb, $4::jsonb
  FROM generate_series($1::int, $7::int) AS g`;

/** Replaces the read model with generated changes. */
async function fillChanges(pool: pg.Pool, rowCount: number): Promise<void> {
  const folded = templateChange();
  const detail = JSON.stringify({ change: changeViewOf(folded), timeline: [] } satisfies ChangeDetail);
  const share = Math.ceil(rowCount / LOAD_SESSIONS);
  const yearMs = 365 * 86_400_000;
  await bulkLoad(pool, 'changes', LOAD_SESSIONS, () =>
    runConcurrently(LOAD_SESSIONS, LOAD_SESSIONS, (session) =>
      pool
        .query(INSERT_GENERATED, [session * share + 1, rowCount, detail, JSON.stringify(folded), new Date(YEAR_START).toISOString(), yearMs, Math.min(rowCount, (session + 1) * share)])
        .then(() => undefined),
    ),
  );
}

/** One real change, folded by the domain's own decider, as the detail every generated row shows. */
function templateChange() {
  const now = '2025-01-01T00:00:00.000Z';
  const request: ChangeCommand = {
    type: 'RequestChange',
    data: { changeId: 'c', tenant: 'acme', number: 'CHG0000001', requestedBy: 'agent-1', type: 'NORMAL', title: 'Patch server', template: null },
    metadata: { now },
  };
  const events: ChangeEvent[] = changeDecider.decide(request, null);
  return foldEvents(changeDecider, events)!;
}
