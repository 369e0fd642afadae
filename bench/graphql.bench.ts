import { startApp, withServer, type RunningServer } from './app-server.js';
import { startBareApollo } from './bare-apollo.js';
import type { BenchDatabase } from './databases.js';
import { percentile, progress, type Figure } from './harness.js';
import { runLoad, type LoadMode, type LoadReport } from './load.js';
import { ProjectionLagProbe } from './projection-lag.js';
import { headPosition, waitForCheckpoint } from './projection-progress.js';
import { INCIDENT_PROJECTION, INCIDENT_TIMERS_PROJECTION, PROBLEM_PROJECTION } from '#read-model';

export interface GraphqlBenchOptions {
  readonly clients: number;
  readonly seconds: number;
  readonly warmUpSeconds: number;
}

/** Only the payload's scalars: reading `incident` back would wait for the projector. */
const OPEN_INCIDENT = 'mutation Open($input: OpenIncidentInput!) { openIncident(input: $input) { version position } }';
const VARIABLES = { input: { title: 'Printer on floor 3 does not print', impact: 2, urgency: 2 } };
const OPEN = { query: OPEN_INCIDENT, variables: VARIABLES };
const LOG_PROBLEM = {
  query: 'mutation Log($input: LogProblemInput!) { logProblem(input: $input) { version position } }',
  variables: { input: { statement: 'Printers on floor 3 drop jobs', impact: 2, urgency: 2 } },
};

/**
 * `openIncident` through the whole product against the same mutation on bare Apollo + Express,
 * both driven by the same closed-loop clients; `logProblem` beside `openIncident` (the same
 * command path for another record type); then the projection lag at half the product's rate.
 */
export async function graphqlBench(database: BenchDatabase, options: GraphqlBenchOptions): Promise<Figure[]> {
  const closed: LoadMode = { kind: 'closed', ...options };
  const bare = await withServer(startBareApollo(), (server) => load(server, OPEN, closed));
  return withServer(startApp(database.url), async (app) => {
    // The app's projector replays what earlier runs appended; measuring during that replay would
    // charge its catch-up to the command path.
    const settled = async () => {
      const head = await headPosition(database.pool);
      if (!head) return;
      for (const name of [INCIDENT_PROJECTION, INCIDENT_TIMERS_PROJECTION, PROBLEM_PROJECTION]) await waitForCheckpoint(database.pool, name, head);
    };
    await settled();
    const full = await load(app, OPEN, closed);
    await settled();
    const problems = await load(app, LOG_PROBLEM, closed);
    await settled();
    const rate = Math.max(1, Math.round(full.requests / full.seconds / 2));
    progress(`${database.label}: projection lag at ${rate} req/s`);
    const probe = await ProjectionLagProbe.listen(database.url, INCIDENT_PROJECTION);
    const lags = await probe
      .lagsMs((await load(app, OPEN, { kind: 'open', rate, seconds: options.seconds })).responses)
      .finally(() => probe.close());
    const common = { database: database.label, note: errorsNote(full) };
    return [
      {
        ...common,
        name: `openIncident, ${options.clients} clients`,
        unit: 'req/s',
        value: full.requests / full.seconds,
        baseline: bare.requests / bare.seconds,
        higherIsBetter: true,
        target: 0.5,
      },
      {
        ...common,
        name: `openIncident p99, ${options.clients} clients`,
        unit: 'ms',
        value: percentile(full.latenciesMs, 99),
        baseline: percentile(bare.latenciesMs, 99),
        higherIsBetter: false,
      },
      {
        database: database.label,
        note: errorsNote(problems),
        name: `logProblem, ${options.clients} clients (baseline: openIncident)`,
        unit: 'req/s',
        value: problems.requests / problems.seconds,
        baseline: full.requests / full.seconds,
        higherIsBetter: true,
      },
      {
        database: database.label,
        name: `projection lag p99 at ${rate} req/s`,
        unit: 'ms',
        value: percentile(lags, 99),
        higherIsBetter: false,
        note: `p50 ${percentile(lags, 50).toFixed(1)} ms over ${lags.length} mutations`,
      },
    ];
  });
}

/** A run in which no request succeeded is a failure; a few failed requests are noted beside it. */
async function load(
  server: RunningServer,
  request: { query: string; variables: Record<string, unknown> },
  mode: LoadMode,
): Promise<LoadReport> {
  const report = await runLoad({ url: server.url, token: server.token, ...request, mode });
  if (report.requests === 0) throw new Error(`every request failed: ${report.firstError ?? 'no answer'}`);
  return report;
}

function errorsNote(report: LoadReport): string | undefined {
  return report.errors > 0 ? `${report.errors} failed requests (${report.firstError})` : undefined;
}
