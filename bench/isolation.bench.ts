import { startApp, withServer, type RunningApp } from './app-server.js';
import type { BenchDatabase } from './databases.js';
import { percentile, progress, type Figure } from './harness.js';
import { HEAVIEST_ALLOWED_QUERY, HEAVIEST_ALLOWED_VARIABLES } from './heaviest-query.js';
import { runLoad, type LoadReport } from './load.js';

export interface IsolationBenchOptions {
  /** The other tenant's steady rate of `openIncident`, requests a second. */
  readonly rate: number;
  readonly seconds: number;
  /** Closed-loop clients of the hostile tenant, each sending the heaviest allowed query. */
  readonly hostileClients: number;
}

const OPEN_INCIDENT = 'mutation Open($input: OpenIncidentInput!) { openIncident(input: $input) { version position } }';
const VARIABLES = { input: { title: 'VPN drops every hour', impact: 2, urgency: 2 } };
/** A full page for the hostile query to read. */
const HOSTILE_INCIDENTS = 100;

/**
 * Another tenant's `openIncident` (p99 and share answered) while one tenant sends the heaviest
 * query the limits allow as fast as it is answered, beside the same load with no hostile tenant.
 * The product runs with its default limits, rate limits included.
 */
export async function isolationBench(database: BenchDatabase, options: IsolationBenchOptions): Promise<Figure[]> {
  return withServer(startApp(database.url, { limited: true }), async (app) => {
    const hostileToken = await app.tokenFor('bench-hostile');
    const victimToken = await app.tokenFor('bench-victim');
    await seed(app, hostileToken);
    progress(`${database.label}: another tenant's openIncident at ${options.rate} req/s, quiet`);
    const quiet = await victimLoad(app, victimToken, options);
    progress(`${database.label}: the same, while ${options.hostileClients} clients send the heaviest allowed query`);
    const hostile = runLoad({
      url: app.url,
      token: hostileToken,
      query: HEAVIEST_ALLOWED_QUERY,
      variables: HEAVIEST_ALLOWED_VARIABLES,
      mode: { kind: 'closed', clients: options.hostileClients, seconds: options.seconds, warmUpSeconds: 1 },
    });
    // The hostile clients warm up for a second first, so the whole measurement is under load.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const attacked = await victimLoad(app, victimToken, options);
    const attack = await hostile;
    const note =
      `hostile tenant: ${(attack.requests / attack.seconds).toFixed(0)} heavy pages/s served, ` +
      `${attack.errors} refused${attack.firstError ? ` (${attack.firstError})` : ''}`;
    return [
      {
        database: database.label,
        name: `another tenant's openIncident p99 under hostile load`,
        unit: 'ms',
        value: percentile(attacked.latenciesMs, 99),
        baseline: percentile(quiet.latenciesMs, 99),
        higherIsBetter: false,
        note,
      },
      {
        database: database.label,
        name: `another tenant's openIncident answered under hostile load`,
        unit: '%',
        value: successRate(attacked),
        baseline: successRate(quiet),
        higherIsBetter: true,
        note: `${attacked.errors} of ${attacked.requests + attacked.errors} failed${attacked.firstError ? ` (${attacked.firstError})` : ''}`,
      },
    ];
  });
}

function victimLoad(app: RunningApp, token: string, options: IsolationBenchOptions): Promise<LoadReport> {
  return runLoad({ url: app.url, token, query: OPEN_INCIDENT, variables: VARIABLES, mode: { kind: 'open', rate: options.rate, seconds: options.seconds } });
}

function successRate(report: LoadReport): number {
  const sent = report.requests + report.errors;
  return sent === 0 ? 0 : (100 * report.requests) / sent;
}

async function seed(app: RunningApp, token: string): Promise<void> {
  for (let batch = 0; batch < HOSTILE_INCIDENTS / 10; batch += 1) {
    await Promise.all(
      Array.from({ length: 10 }, async (_, index) => {
        const response = await fetch(app.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({
            query: OPEN_INCIDENT,
            variables: { input: { title: `Hostile seed ${batch}-${index}`, description: 'x'.repeat(2_000), impact: 3, urgency: 3 } },
          }),
        });
        if (!response.ok) throw new Error(`seeding failed: HTTP ${response.status}`);
      }),
    );
  }
}
