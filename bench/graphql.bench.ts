import { startApp, withServer, type RunningServer } from './app-server.js';
import { startBareApollo } from './bare-apollo.js';
import type { BenchDatabase } from './databases.js';
import { percentile, progress, type Figure } from './harness.js';
import { runLoad, type LoadMode, type LoadReport } from './load.js';
import { ProjectionLagProbe } from './projection-lag.js';
import { headPosition, projectionsSettled, waitForCheckpoint } from './projection-progress.js';
import { decodePosition } from '#event-store';
import { INCIDENT_PROJECTION, type Projection } from '#read-model';

export interface GraphqlBenchOptions {
  readonly clients: number;
  readonly seconds: number;
  readonly warmUpSeconds: number;
}

/** Only the payload's scalars: reading `incident` back would wait for the projector. */
const OPEN_INCIDENT = 'mutation Open($input: OpenIncidentInput!) { openIncident(input: $input) { version position } }';
const VARIABLES = { input: { title: 'Printer on floor 3 does not print', impact: 2, urgency: 2 } };
export const OPEN = { query: OPEN_INCIDENT, variables: VARIABLES };
/** The cheapest request the product serves: its HTTP, GraphQL, authentication and limits, and nothing else. */
const TYPENAME = { query: '{ __typename }', variables: {} };
const LOG_PROBLEM = {
  query: 'mutation Log($input: LogProblemInput!) { logProblem(input: $input) { version position } }',
  variables: { input: { statement: 'Printers on floor 3 drop jobs', impact: 2, urgency: 2 } },
};

/** Followers of a record kind no command here writes: what each future follower costs commands it ignores. */
const IDLE_FOLLOWERS = 8;
const idleFollowers: readonly Projection[] = Array.from({ length: IDLE_FOLLOWERS }, (_, index) => ({
  name: `bench-idle-follower-${index + 1}`,
  follows: { template: 'all' },
  applyBatch: async () => [],
  reset: async () => undefined,
}));

/**
 * `openIncident` through the whole product against the same server's `{ __typename }` (its
 * floor: everything but the command) and against bare Apollo + Express, all driven by the same
 * closed-loop clients; the same again with eight more followers of the log that follow a kind
 * nobody writes; `logProblem` beside `openIncident` (the same command path for another record
 * type); then the projection lag at half the product's rate.
 */
export async function graphqlBench(database: BenchDatabase, options: GraphqlBenchOptions): Promise<Figure[]> {
  const closed: LoadMode = { kind: 'closed', ...options };
  const bare = await withServer(startBareApollo(), (server) => load(server, OPEN, closed));
  const settled = () => projectionsSettled(database.pool);
  progress(`${database.label}: openIncident with and without ${IDLE_FOLLOWERS} more followers that follow nothing written`);
  const idle = await pairedRounds(
    () =>
      withServer(startApp(database.url), async (app) => {
        await settled();
        return load(app, OPEN, closed);
      }),
    () =>
      withServer(startApp(database.url, { followers: idleFollowers }), async (app) => {
        await settled();
        // New followers replay the whole log first, alone; what they cost once level is the figure.
        const head = await headPosition(database.pool);
        if (head) for (const follower of idleFollowers) await waitForCheckpoint(database.pool, follower.name, head);
        return load(app, OPEN, closed);
      }),
  );
  return withServer(startApp(database.url), async (app) => {
    await settled();
    const floor = await load(app, TYPENAME, closed);
    const full = await load(app, OPEN, closed);
    await settled();
    const problems = await load(app, LOG_PROBLEM, closed);
    await settled();
    const rate = Math.max(1, Math.round(full.requests / full.seconds / 2));
    progress(`${database.label}: projection lag at ${rate} req/s`);
    const lags = await projectionLags(database, app, rate, options.seconds);
    const common = { database: database.label, note: errorsNote(full) };
    const openRate = full.requests / full.seconds;
    return [
      {
        ...common,
        name: `openIncident, ${options.clients} clients (baseline: { __typename } on the same server)`,
        unit: 'req/s',
        value: openRate,
        baseline: floor.requests / floor.seconds,
        higherIsBetter: true,
        target: 0.5,
      },
      {
        ...common,
        name: `openIncident p99, ${options.clients} clients (baseline: { __typename })`,
        unit: 'ms',
        value: percentile(full.latenciesMs, 99),
        baseline: percentile(floor.latenciesMs, 99),
        higherIsBetter: false,
      },
      {
        ...common,
        name: `openIncident, ${options.clients} clients (baseline: bare Apollo + Express)`,
        unit: 'req/s',
        value: openRate,
        baseline: bare.requests / bare.seconds,
        higherIsBetter: true,
      },
      {
        database: database.label,
        name: `openIncident with ${IDLE_FOLLOWERS} idle followers (baseline: without them)`,
        unit: 'req/s',
        value: idle.with,
        baseline: idle.without,
        higherIsBetter: true,
        target: 0.95,
        note: `mean of ${IDLE_ROUNDS} rounds, each a run without them then one with them, on fresh servers; ${idle.errors} failed requests`,
      },
      {
        database: database.label,
        note: errorsNote(problems),
        name: `logProblem, ${options.clients} clients (baseline: openIncident)`,
        unit: 'req/s',
        value: problems.requests / problems.seconds,
        baseline: openRate,
        higherIsBetter: true,
      },
      {
        database: database.label,
        name: `projection lag p99 at ${rate} req/s, projector in process`,
        unit: 'ms',
        value: percentile(lags, 99),
        higherIsBetter: false,
        note: `p50 ${percentile(lags, 50).toFixed(1)} ms over ${lags.length} mutations; goal < 100 ms`,
      },
    ];
  });
}

/**
 * Resolves once one write has come through the projector: checkpoints left at the head by an
 * earlier projector say nothing of whether this one has started, and its boot is not lag.
 */
export async function projectorLive(database: BenchDatabase, app: RunningServer): Promise<void> {
  const first = (await load(app, OPEN, { kind: 'open', rate: 1, seconds: 1 })).responses[0]!;
  await waitForCheckpoint(database.pool, INCIDENT_PROJECTION, decodePosition(first.position.slice(-32)));
}

/** Each open-loop openIncident's wait, from its response to the notification covering its position. */
export async function projectionLags(database: BenchDatabase, app: RunningServer, rate: number, seconds: number): Promise<number[]> {
  await projectorLive(database, app);
  const probe = await ProjectionLagProbe.listen(database.url, INCIDENT_PROJECTION);
  try {
    return await probe.lagsMs((await load(app, OPEN, { kind: 'open', rate, seconds })).responses);
  } finally {
    await probe.close();
  }
}

const IDLE_ROUNDS = 2;

/**
 * Alternates the two runs so that the machine's drift weighs on both alike: the mean rate of
 * each, and the requests that failed in all (never counted as throughput).
 */
async function pairedRounds(without: () => Promise<LoadReport>, withThem: () => Promise<LoadReport>) {
  const runs = { without: [] as LoadReport[], with: [] as LoadReport[] };
  for (let round = 0; round < IDLE_ROUNDS; round += 1) {
    runs.without.push(await without());
    runs.with.push(await withThem());
  }
  const meanRate = (reports: LoadReport[]) => reports.reduce((sum, report) => sum + report.requests / report.seconds, 0) / reports.length;
  const errors = [...runs.without, ...runs.with].reduce((sum, report) => sum + report.errors, 0);
  return { without: meanRate(runs.without), with: meanRate(runs.with), errors };
}

/** A run in which no request succeeded is a failure; a few failed requests are noted beside it. */
export async function load(
  server: RunningServer,
  request: { query: string; variables: Record<string, unknown> },
  mode: LoadMode,
): Promise<LoadReport> {
  const report = await runLoad({ url: server.url, token: server.token, ...request, mode });
  if (report.requests === 0) throw new Error(`every request failed: ${report.firstError ?? 'no answer'}`);
  return report;
}

export function errorsNote(report: LoadReport): string | undefined {
  return report.errors > 0 ? `${report.errors} failed requests (${report.firstError})` : undefined;
}
