import { randomUUID } from 'node:crypto';
import { PostgresEventStore } from '#event-store';
import { BASELINE_INSERT_EVENT } from './baseline-tables.js';
import { benchStream } from './bench-events.js';
import type { BenchDatabase } from './databases.js';
import { timed, type Figure } from './harness.js';

const STREAM_LENGTH = 100;

/** The baseline selects the same columns and rows the store reads, in revision order. */
const BASELINE_SELECT =
  'SELECT commit_id::text, seq::text, stream_id, revision::text, id::text, type, data, metadata, created ' +
  'FROM baseline_events WHERE stream_id = $1 ORDER BY revision';

/** Whole reads of one 100-event stream, one after another. */
export async function readBench(database: BenchDatabase, reads: number): Promise<Figure> {
  const store = new PostgresEventStore(database.pool);
  const streamId = `bench-read-${randomUUID()}`;
  const events = Array.from({ length: STREAM_LENGTH }, (_, index) => ({ ...benchStream(index).event, id: randomUUID() }));
  await store.appendToStream(streamId, events, { expectedRevision: 'no_stream' });
  for (const [revision, event] of events.entries()) {
    await database.pool.query(BASELINE_INSERT_EVENT, [
      streamId,
      revision,
      event.id,
      event.type,
      JSON.stringify(event.data),
      JSON.stringify(event.metadata),
    ]);
  }
  const readAll = async () => {
    for (let read = 0; read < reads; read += 1) {
      let count = 0;
      for await (const _event of store.readStream(streamId)) count += 1;
      if (count !== STREAM_LENGTH) throw new Error(`readStream returned ${count} events, not ${STREAM_LENGTH}`);
    }
  };
  const selectAll = async () => {
    for (let read = 0; read < reads; read += 1) await database.pool.query(BASELINE_SELECT, [streamId]);
  };
  await selectAll();
  await readAll();
  const baseline = await timed(selectAll);
  const value = await timed(readAll);
  return {
    database: database.label,
    name: `stream read, ${STREAM_LENGTH} events`,
    unit: 'reads/s',
    value: reads / value.seconds,
    baseline: reads / baseline.seconds,
    higherIsBetter: true,
  };
}
