import { startApp, withServer } from './app-server.js';
import type { BenchDatabase } from './databases.js';
import { errorsNote, load, OPEN, projectionLags, projectorLive } from './graphql.bench.js';
import { loadAverageNote, percentile, progress, type Figure } from './harness.js';
import type { LoadMode } from './load.js';
import { projectionsSettled } from './projection-progress.js';
import { withProjectorProcess } from './projector-process.js';

export interface SeparateProjectorBenchOptions {
  readonly clients: number;
  readonly seconds: number;
  readonly warmUpSeconds: number;
  /** openIncident a second for the lag; half the peak measured here when absent. */
  readonly rate?: number;
}

const GOAL_P99_MS = 100;

/**
 * The projection lag as deployed: the API without a projector of its own and the projector in
 * its own process on the same database, so each row reaches the reader through PostgreSQL
 * (commit, the projector's wake-up, its batch, NOTIFY). Baseline: the same open-loop load on the
 * product with its projector in process, in the same step.
 */
export async function separateProjectorBench(database: BenchDatabase, options: SeparateProjectorBenchOptions): Promise<Figure[]> {
  const separate = await withServer(startApp(database.url, { environment: { RUN_PROJECTOR: 'false' } }), (api) =>
    withProjectorProcess(database.url, async (projector) => {
      await projector.guard(projectionsSettled(database.pool).then(() => projectorLive(database, api)));
      // The peak run warms the API up; with a rate given, a warm-up run alone does.
      const peak = await load(api, OPEN, options.rate ? warmUp(options) : { kind: 'closed', ...options });
      const rate = options.rate ?? Math.max(1, Math.round(peak.requests / peak.seconds / 2));
      await projector.guard(projectionsSettled(database.pool));
      progress(`${database.label}: projection lag at ${rate} req/s, projector in its own process`);
      const during = loadAverageNote();
      const lags = await projector.guard(projectionLags(database, api, rate, options.seconds));
      return { rate, lags, during, peakNote: !options.rate && `peak ${(peak.requests / peak.seconds).toFixed(0)} req/s closed loop${errorsNote(peak) ? `, ${errorsNote(peak)}` : ''}` };
    }),
  );
  progress(`${database.label}: the same rate, projector in process (baseline)`);
  const inProcess = await withServer(startApp(database.url), async (app) => {
    await load(app, OPEN, warmUp(options));
    await projectionsSettled(database.pool);
    const during = loadAverageNote();
    return { lags: await projectionLags(database, app, separate.rate, options.seconds), during };
  });
  const p99 = percentile(separate.lags, 99);
  const common = { database: database.label, unit: 'ms', higherIsBetter: false } as const;
  return [
    {
      ...common,
      name: `projection lag p99 at ${separate.rate} req/s, separate projector process (baseline: in process)`,
      value: p99,
      baseline: percentile(inProcess.lags, 99),
      note: `goal < ${GOAL_P99_MS} ms ${p99 < GOAL_P99_MS ? 'met' : 'NOT met'}; ${separate.lags.length} mutations; ${separate.peakNote || 'rate given'}; ${separate.during}`,
    },
    {
      ...common,
      name: `projection lag p50 at ${separate.rate} req/s, separate projector process (baseline: in process)`,
      value: percentile(separate.lags, 50),
      baseline: percentile(inProcess.lags, 50),
      note: `${separate.during}; in-process baseline at ${inProcess.during}`,
    },
  ];
}

/** A cold server answers its first seconds slower: both lags are measured on warm servers. */
function warmUp(options: SeparateProjectorBenchOptions): LoadMode {
  return { kind: 'closed', clients: options.clients, seconds: options.warmUpSeconds, warmUpSeconds: 0 };
}
