import { PostgresEventStore } from '#event-store';
import { BASELINE_INSERT_EVENT } from './baseline-tables.js';
import { benchStream } from './bench-events.js';
import type { BenchDatabase } from './databases.js';
import { runConcurrently, timed, type Figure } from './harness.js';

const WARM_UP = 200;

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
): Promise<Figure> {
  const store = new PostgresEventStore(database.pool);
  const inputs = Array.from({ length: count + WARM_UP }, (_, index) => benchStream(index));
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
  const measured = (task: (index: number) => Promise<void>) => runConcurrently(count, writers, (index) => task(index + WARM_UP));
  await runConcurrently(WARM_UP, writers, insert);
  await runConcurrently(WARM_UP, writers, append);
  const baseline = await timed(() => measured(insert));
  const value = await timed(() => measured(append));
  return {
    database: database.label,
    name,
    unit: 'events/s',
    value: count / value.seconds,
    baseline: count / baseline.seconds,
    higherIsBetter: true,
    target: 0.7,
  };
}
