import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import { decodePosition, PostgresEventStore, type Position } from '#event-store';
import { PROBLEM_FIX_PROCESS } from '#projector';
import { PROBLEM_PROJECTION } from '#read-model';
import { startApp, withServer, type RunningApp } from './app-server.js';
import type { BenchDatabase } from './databases.js';
import { loadAverageNote, percentile, progress, type Figure } from './harness.js';
import { appendLinkedIncidents } from './linked-incidents.js';
import { runLoad, type LoadReport } from './load.js';
import { headPosition, projectionsSettled, waitForCheckpoint } from './projection-progress.js';
import { startProjectorProcess, type ProjectorProcess } from './projector-process.js';

export interface ReactorBurstOptions {
  /** Open incidents linked to the one problem: one reactor effect each. */
  readonly incidents: number;
  /** The other tenant's openIncident-then-read pairs a second. */
  readonly rate: number;
  /** Of the baseline without a burst. */
  readonly seconds: number;
}

const TENANT_A = 'bench-burst-problems';
const TENANT_B = 'bench-burst-reader';
const GOAL_P99_MS = 250;
/** The reader's load runs in chunks of this many seconds until the burst is over. */
const CHUNK_SECONDS = 2;
const WRITE_THEN_READ = {
  query: 'mutation Open($input: OpenIncidentInput!) { openIncident(input: $input) { incidentId position } }',
  variables: { input: { title: 'Laptop does not boot', impact: 3, urgency: 3 } },
  readBack: 'query Read($id: ID!, $position: String) { incident(id: $id, consistentWith: $position) { id } }',
};

/**
 * Tenant B's read of its own write (openIncident, then incident(id, consistentWith)) at a
 * steady rate while a restarted projector works off a backlog: tenant A's problem, linked to
 * `incidents` open incidents, was resolved FIX_APPLIED while no projector ran, so the reactor
 * sends one ResolveIncident per incident as soon as it is back. Baseline: the same load with
 * the projector idle. The API runs without a projector; the projector is its own process.
 */
export async function reactorBurstBench(database: BenchDatabase, options: ReactorBurstOptions): Promise<Figure[]> {
  return withServer(startApp(database.url, { environment: { RUN_PROJECTOR: 'false' } }), async (api) => {
    const manager = await api.tokenFor(TENANT_A, ['problem_manager']);
    const reader = await api.tokenFor(TENANT_B);
    let projector: ProjectorProcess = startProjectorProcess(database.url);
    try {
      const problemId = await problemInFix(api, manager);
      progress(`${database.label}: ${options.incidents} open incidents linked to one problem`);
      await appendLinkedIncidents(new PostgresEventStore(database.pool), TENANT_A, problemId, options.incidents);
      const head = (await headPosition(database.pool))!;
      await projector.guard(waitForCheckpoint(database.pool, PROBLEM_FIX_PROCESS, head));
      await projector.guard(projectionsSettled(database.pool));
      progress(`${database.label}: tenant B at ${options.rate}/s, no burst`);
      const quietLoad = loadAverageNote();
      const quiet = await readerLoad(api, reader, options.rate, options.seconds);

      await projector.stop();
      const resolved = await problemMutation<{ position: string }>(api, manager, 'resolveProblem', { id: problemId, resolutionCode: 'FIX_APPLIED' });
      const cause = decodePosition(resolved.position.slice(-32));
      projector = startProjectorProcess(database.url);
      // From the moment the restarted projector has read the cause: its boot is not the burst.
      await projector.guard(waitForCheckpoint(database.pool, PROBLEM_PROJECTION, cause, 120_000));
      progress(`${database.label}: tenant B at ${options.rate}/s while the reactor resolves ${options.incidents} incidents`);
      const burstLoad = loadAverageNote();
      const burst = await duringBurst(database.pool, projector, cause, () => readerLoad(api, reader, options.rate, CHUNK_SECONDS));
      await projector.guard(projectionsSettled(database.pool));
      const ended = await resolvedCount(database.pool, TENANT_A);

      const reads = burst.reports.flatMap((report) => report.readLatenciesMs);
      const failed = burst.reports.reduce((sum, report) => sum + report.errors, 0);
      const firstError = burst.reports.find((report) => report.firstError)?.firstError;
      const p99 = percentile(reads, 99);
      const common = { database: database.label, unit: 'ms', higherIsBetter: false } as const;
      return [
        {
          ...common,
          name: `another tenant's read-your-write p99 during ${options.incidents} reactor effects (baseline: no burst)`,
          value: p99,
          baseline: percentile(quiet.readLatenciesMs, 99),
          note:
            `goal < ${GOAL_P99_MS} ms ${p99 < GOAL_P99_MS ? 'met' : 'NOT met'}; projector process stopped, problem resolved ` +
            `FIX_APPLIED, projector restarted: ${reads.length} reads at ${options.rate}/s over ${burst.measuredSeconds.toFixed(1)} s ` +
            `from when it read the cause, its ${options.incidents} ResolveIncident took ${burst.seconds.toFixed(1)} s; ` +
            `${failed} failed${firstError ? ` (${firstError})` : ''}, ${quiet.errors} without the burst; ${burstLoad} (baseline: ${quietLoad})`,
        },
        {
          ...common,
          name: `another tenant's read-your-write p50 during ${options.incidents} reactor effects (baseline: no burst)`,
          value: percentile(reads, 50),
          baseline: percentile(quiet.readLatenciesMs, 50),
          note: burstLoad,
        },
        {
          database: database.label,
          name: `incidents RESOLVED by the reactor after the fix (baseline: linked)`,
          unit: 'incidents',
          value: ended,
          baseline: options.incidents,
          higherIsBetter: true,
          target: 1,
          note: `${(options.incidents / burst.seconds).toFixed(0)} effects/s; ${loadAverageNote()}`,
        },
      ];
    } finally {
      await projector.stop();
    }
  });
}

/**
 * Runs `load` again and again until the burst is over: the reactor's checkpoint has passed the
 * cause, and the effects it kept with that checkpoint have all gone out.
 */
async function duringBurst(pool: pg.Pool, projector: ProjectorProcess, cause: Position, load: () => Promise<LoadReport>) {
  const start = performance.now();
  let over = false;
  const done = projector
    .guard(waitForCheckpoint(pool, PROBLEM_FIX_PROCESS, cause, 300_000).then(() => effectsSent(pool, PROBLEM_FIX_PROCESS)))
    .then(() => performance.now());
  void done.finally(() => (over = true)).catch(() => undefined);
  const reports: LoadReport[] = [];
  do reports.push(await load());
  while (!over);
  return { reports, seconds: ((await done) - start) / 1000, measuredSeconds: (performance.now() - start) / 1000 };
}

async function effectsSent(pool: pg.Pool, reactor: string): Promise<void> {
  const deadline = Date.now() + 300_000;
  for (;;) {
    const { rows } = await pool.query<{ pending: number }>('SELECT count(*)::int AS pending FROM reactor_outbox WHERE reactor = $1', [reactor]);
    if (rows[0]!.pending === 0) return;
    if (Date.now() > deadline) throw new Error(`${reactor} still had ${rows[0]!.pending} effects to send after 300 s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function readerLoad(api: RunningApp, token: string, rate: number, seconds: number): Promise<LoadReport> {
  return runLoad({ url: api.url, token, ...WRITE_THEN_READ, mode: { kind: 'open', rate, seconds } });
}

/** A problem of tenant A in FIX_IN_PROGRESS, the state FIX_APPLIED resolves from. */
async function problemInFix(api: RunningApp, token: string): Promise<string> {
  const logged = await problemMutation<{ problemId: string }>(api, token, 'logProblem', { statement: 'Mail relay drops connections', impact: 2, urgency: 2 });
  const id = logged.problemId;
  await problemMutation(api, token, 'assessProblem', { id, impact: 2, urgency: 2 });
  await problemMutation(api, token, 'startRootCauseAnalysis', { id });
  await problemMutation(api, token, 'recordRootCause', { id, rootCause: 'Relay connection pool too small' });
  return id;
}

async function problemMutation<T = unknown>(api: RunningApp, token: string, mutation: string, input: Record<string, unknown>): Promise<T> {
  const inputType = `${mutation[0]!.toUpperCase()}${mutation.slice(1)}Input`;
  const response = await fetch(api.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: `mutation($input: ${inputType}!) { ${mutation}(input: $input) { problemId position } }`, variables: { input } }),
  });
  const payload = (await response.json()) as { data?: Record<string, T>; errors?: { message: string }[] };
  if (payload.errors?.length || !payload.data) throw new Error(`${mutation}: ${payload.errors?.[0]?.message ?? `HTTP ${response.status}`}`);
  return payload.data[mutation]!;
}

async function resolvedCount(pool: pg.Pool, tenant: string): Promise<number> {
  const { rows } = await pool.query<{ count: number }>(`SELECT count(*)::int AS count FROM incidents WHERE tenant = $1 AND state = 'RESOLVED'`, [tenant]);
  return rows[0]!.count;
}
