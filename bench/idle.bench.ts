import { setTimeout as delay } from 'node:timers/promises';
import type pg from 'pg';
import { PostgresEventStore } from '#event-store';
import type { BenchDatabase } from './databases.js';
import type { Figure } from './harness.js';

/** Long enough for the subscription to catch up and for backends to publish earlier counters (~1 s). */
const SETTLE_MS = 2_000;
const GOAL = 5;

/**
 * Transactions per second that the event-store database commits with no traffic while one
 * subscription is open and waiting, read from `pg_stat_database.xact_commit` before and after.
 * Baseline: the same subscription polling every 25 ms, as it did before appends were announced.
 */
export async function idleBench(database: BenchDatabase, seconds: number): Promise<Figure> {
  const polling = await idleTransactionsPerSecond(database.pool, seconds, { pollIntervalMs: 25 });
  const value = await idleTransactionsPerSecond(database.pool, seconds, {});
  return {
    database: database.label,
    name: 'idle: transactions/s with a subscription waiting',
    unit: 'tx/s',
    value,
    baseline: polling,
    higherIsBetter: false,
    note: `goal <= ${GOAL} tx/s: ${value <= GOAL ? 'met' : 'missed'}; baseline polls every 25 ms`,
  };
}

async function idleTransactionsPerSecond(
  pool: pg.Pool,
  seconds: number,
  options: { pollIntervalMs?: number },
): Promise<number> {
  const store = new PostgresEventStore(pool, options);
  const subscription = store.subscribeToAll();
  const iteration = (async () => {
    for await (const _event of subscription);
  })();
  try {
    await delay(SETTLE_MS);
    const before = await committed(pool);
    await delay(seconds * 1_000);
    const after = await committed(pool);
    // The first reading is itself a transaction of this database.
    return (after - before - 1) / seconds;
  } finally {
    await subscription.close();
    await iteration;
    await store.close();
  }
}

async function committed(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ commits: string }>(
    'SELECT xact_commit::text AS commits FROM pg_stat_database WHERE datname = current_database()',
  );
  return Number(rows[0]!.commits);
}
