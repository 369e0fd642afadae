import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { appendBench } from './append.bench.js';
import { ensureBaselineTables } from './baseline-tables.js';
import { embeddedDatabase, serverDatabase, type BenchDatabase } from './databases.js';
import { graphqlBench } from './graphql.bench.js';
import { idleBench } from './idle.bench.js';
import { isolationBench } from './isolation.bench.js';
import { envInt, errorMessage, loadAverageNote, printTable, progress, type Outcome } from './harness.js';
import { listBench } from './list.bench.js';
import { longRecordBench } from './long-record.bench.js';
import { reactorBurstBench } from './reactor-burst.bench.js';
import { readBench } from './read.bench.js';
import { rebuildBench } from './rebuild.bench.js';
import { scheduleBench } from './schedule.bench.js';
import { separateProjectorBench } from './separate-projector.bench.js';

const sizes = {
  sequentialAppends: envInt('BENCH_APPENDS', 5_000),
  concurrentAppends: envInt('BENCH_CONCURRENT_APPENDS', 20_000),
  writers: envInt('BENCH_WRITERS', 16),
  idleSeconds: envInt('BENCH_IDLE_SECONDS', 5),
  reads: envInt('BENCH_READS', 1_000),
  rebuildEvents: envInt('BENCH_EVENTS', 1_000_000),
  graphql: {
    clients: envInt('BENCH_CLIENTS', 32),
    seconds: envInt('BENCH_GRAPHQL_SECONDS', 8),
    warmUpSeconds: 2,
  },
  longRecord: {
    events: envInt('BENCH_LONG_RECORD_EVENTS', 10_000),
    seconds: envInt('BENCH_LONG_RECORD_SECONDS', 5),
  },
  /** BENCH_SEPARATE_LAG_RATE fixes the lag's rate instead of half the peak measured in the step. */
  separateLagRate: process.env.BENCH_SEPARATE_LAG_RATE ? envInt('BENCH_SEPARATE_LAG_RATE', 1) : undefined,
  isolation: {
    rate: envInt('BENCH_ISOLATION_RATE', 20),
    seconds: envInt('BENCH_GRAPHQL_SECONDS', 8),
    hostileClients: envInt('BENCH_HOSTILE_CLIENTS', 8),
  },
  reactorBurst: {
    incidents: envInt('BENCH_BURST_INCIDENTS', 2_400),
    rate: envInt('BENCH_BURST_RATE', 20),
    seconds: envInt('BENCH_GRAPHQL_SECONDS', 8),
  },
  listRows: envInt('BENCH_LIST_ROWS', 1_000_000),
  listQueries: envInt('BENCH_LIST_QUERIES', 500),
  scheduleRows: envInt('BENCH_SCHEDULE_ROWS', 100_000),
};

interface Step {
  readonly name: string;
  /** Only on the last database of the run: loading its data takes minutes, not seconds. */
  readonly lastOnly?: boolean;
  run(database: BenchDatabase): Promise<Outcome | readonly Outcome[]>;
}

const STEPS: readonly Step[] = [
  // First, while the log is empty: the subscription it measures reads from the start.
  { name: 'idle subscription', run: (db) => idleBench(db, sizes.idleSeconds) },
  {
    name: 'appends, sequential',
    run: (db) => appendBench(db, 'append 1 event/tx, sequential', sizes.sequentialAppends, 1, 0.7),
  },
  {
    name: `appends, ${sizes.writers} writers`,
    run: (db) =>
      appendBench(db, `append 1 event/tx, ${sizes.writers} writers`, sizes.concurrentAppends, sizes.writers, 0.85),
  },
  { name: 'stream reads', run: (db) => readBench(db, sizes.reads) },
  { name: 'projection rebuild', run: (db) => rebuildBench(db, sizes.rebuildEvents) },
  { name: 'GraphQL openIncident and logProblem', run: (db) => graphqlBench(db, sizes.graphql) },
  {
    name: 'projection lag, separate projector process',
    run: (db) => separateProjectorBench(db, { ...sizes.graphql, rate: sizes.separateLagRate }),
  },
  { name: 'GraphQL addIncidentWorkNote on a long record', run: (db) => longRecordBench(db, sizes.longRecord) },
  { name: 'reactor burst: another tenant reads its writes', run: (db) => reactorBurstBench(db, sizes.reactorBurst) },
  { name: 'tenant isolation', run: (db) => isolationBench(db, sizes.isolation) },
  { name: 'incidents list', lastOnly: true, run: (db) => listBench(db, sizes.listRows, sizes.listQueries) },
  { name: 'change schedule', lastOnly: true, run: (db) => scheduleBench(db, sizes.scheduleRows, sizes.listQueries) },
];

/** BENCH_ONLY=rebuild,graphql runs just the steps whose names contain one of the words. */
function selected(step: Step): boolean {
  const only = process.env.BENCH_ONLY?.split(',').map((word) => word.trim().toLowerCase()).filter(Boolean);
  return !only?.length || only.some((word) => step.name.toLowerCase().includes(word));
}

/** Steps that do not say the machine's load at their measurement get it as of their end. */
function withLoadAverage(outcome: Outcome): Outcome {
  if ('reason' in outcome || outcome.note?.includes('load average')) return outcome;
  return { ...outcome, note: [outcome.note, `${loadAverageNote()} (end of step)`].filter(Boolean).join('; ') };
}

/** Each step runs on its database; an expected failure becomes a table line, not a stack trace. */
async function benchDatabase(label: string, open: () => Promise<BenchDatabase>, last: boolean): Promise<Outcome[]> {
  let database: BenchDatabase;
  try {
    database = await open();
  } catch (error) {
    return [{ database: label, name: 'start', reason: `failed: ${errorMessage(error)}` }];
  }
  const outcomes: Outcome[] = [];
  try {
    await ensureBaselineTables(database.pool);
    for (const step of STEPS.filter((candidate) => (last || !candidate.lastOnly) && selected(candidate))) {
      progress(`${database.label}: ${step.name}`);
      try {
        outcomes.push(...[await step.run(database)].flat().map(withLoadAverage));
      } catch (error) {
        outcomes.push({ database: database.label, name: step.name, reason: `failed: ${errorMessage(error)}` });
      }
    }
  } finally {
    await database.close();
  }
  return outcomes;
}

async function main(): Promise<void> {
  // The projector and the app log through Nest; only errors belong beside the table.
  Logger.overrideLogger(['error']);
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) progress('DATABASE_URL not set: benchmarking the embedded engine only');
  const outcomes = await benchDatabase('embedded', embeddedDatabase, !serverUrl);
  if (serverUrl) outcomes.push(...(await benchDatabase('server', () => serverDatabase(serverUrl), true)));
  console.log();
  printTable(outcomes);
}

main().catch((error: unknown) => {
  process.stderr.write(`Benchmark failed: ${errorMessage(error)}\n`);
  process.exit(1);
});
