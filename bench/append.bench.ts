import { PostgresEventStore } from '#event-store';
import { BASELINE_INSERT_EVENT } from './baseline-tables.js';
import { benchStream } from './bench-events.js';
import type { BenchDatabase } from './databases.js';
import { runConcurrently, timed, type Figure } from './harness.js';

const WARM_UP = 200;
/** Baseline and appends take turns, so a machine whose load drifts weighs on both alike. */
const ROUNDS = 3;

/**
 * Appends of one event per transaction, each to a new stream, against a plain one-row INSERT of
 * the same row into a table with the same indexes. The store's extra cost is its stored
 * function: advisory lock on the stream, revision check, and the position it returns.
 */
export async function appendBench(
  database: BenchDatabase,
  name: string,
  count: number,
  writers: number,
  target: number,
): Promise<Figure> {
  const store = new PostgresEventStore(database.pool);
  const inputs = Array.from({ length: WARM_UP + ROUNDS * Math.ceil(count / ROUNDS) }, (_, index) => benchStream(index));
  const append = (index: number) => {
    const { streamId, event } = inputs[index]!;
    return store.appendToStream(streamId, [event], { expectedRevision: 'no_stream' }).then(() => undefined);
  };
  const insert = (index: number) => {
    const { streamId, event } = inputs[index]!;
    return database.pool
      .query(BASELINE_INSERT_EVENT, [streamId, 0, event.id, event.type, JSON.stringify(event.data), JSON.stringify(event.metadata)])
      .then(() => undefined);
  };
  const perRound = Math.ceil(count / ROUNDS);
  const measured = (task: (index: number) => Promise<void>, round: number) =>
    timed(() => runConcurrently(perRound, writers, (index) => task(WARM_UP + round * perRound + index)));
  await runConcurrently(WARM_UP, writers, insert);
  await runConcurrently(WARM_UP, writers, append);
  let baselineSeconds = 0;
  let seconds = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    baselineSeconds += (await measured(insert, round)).seconds;
    seconds += (await measured(append, round)).seconds;
  }
  return {
    database: database.label,
    name,
    unit: 'events/s',
    value: (perRound * ROUNDS) / seconds,
    baseline: (perRound * ROUNDS) / baselineSeconds,
    higherIsBetter: true,
    target,
  };
}
