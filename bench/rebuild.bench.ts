import type pg from 'pg';
import { comparePositions, PostgresEventStore, type Position } from '#event-store';
import { loadCheckpoint, incidentProjection } from '#read-model';
import { ProjectionRunner, resetProjection } from '#projector';
import type { BenchDatabase } from './databases.js';
import { progress, runConcurrently, timed, type Figure } from './harness.js';
import { incidentHistory, type IncidentHistory } from './incident-history.js';
import { headPosition, waitForCheckpoint } from './projection-progress.js';

const UPSERT_BATCH = 500;
const APPEND_WRITERS = 8;
const COLUMNS = [
  'tenant', 'id', 'number', 'title', 'description', 'state', 'impact', 'urgency', 'priority', 'caller_id',
  'service_id', 'category', 'assignment_group', 'assignee', 'major', 'opened_at', 'updated_at', 'version', 'detail', 'folded',
];

/**
 * A full replay of the incident projection by the projector's own runner, against the floor it
 * cannot beat: writing the same final rows with plain 500-row UPSERTs.
 */
export async function rebuildBench(database: BenchDatabase, eventCount: number): Promise<Figure> {
  const store = new PostgresEventStore(database.pool);
  const written = await appendHistories(store, eventCount);
  progress(`${written.events} events of ${written.incidents} incidents appended in ${written.seconds.toFixed(1)} s`);
  const head = await headPosition(database.pool);
  if (!head) throw new Error('no events were appended');

  await resetProjection(database.pool, incidentProjection);
  const rebuild = await timed(() => replay(database.pool, store, head));

  const rows = await finalRows(database.pool);
  if (rows.length !== written.incidents) throw new Error(`rebuild made ${rows.length} rows, not ${written.incidents}`);
  const baseline = await timed(() => upsertAll(database.pool, rows));
  return {
    database: database.label,
    name: `projection rebuild, ${written.events} events`,
    unit: 'events/s',
    value: written.events / rebuild.seconds,
    baseline: written.events / baseline.seconds,
    higherIsBetter: true,
    target: 0.5,
    note: `baseline upserts the ${rows.length} final rows`,
  };
}

async function appendHistories(store: PostgresEventStore, eventCount: number) {
  const histories: IncidentHistory[] = [];
  let events = 0;
  while (events < eventCount) {
    const history = incidentHistory(histories.length);
    histories.push(history);
    events += history.events.length;
  }
  const { seconds } = await timed(() =>
    runConcurrently(histories.length, APPEND_WRITERS, async (index) => {
      const { streamId, events: batch } = histories[index]!;
      await store.appendToStream(streamId, batch, { expectedRevision: 'no_stream' });
    }),
  );
  return { events, incidents: histories.length, seconds };
}

async function replay(pool: pg.Pool, store: PostgresEventStore, head: Position): Promise<void> {
  const stop = new AbortController();
  const runner = new ProjectionRunner(incidentProjection, store, pool);
  const running = runner.run(stop.signal);
  try {
    await waitForCheckpoint(pool, incidentProjection.name, head);
  } finally {
    stop.abort();
    await running;
  }
  const reached = await loadCheckpoint(pool, incidentProjection.name);
  if (!reached || comparePositions(reached.position, head) < 0) throw new Error('the rebuild stopped before the head of the log');
}

/** Every column as text, so the baseline sends exactly what PostgreSQL will parse back. */
async function finalRows(pool: pg.Pool): Promise<string[][]> {
  const { rows } = await pool.query<string[]>({
    text: `SELECT ${COLUMNS.map((column) => `${column}::text`).join(', ')} FROM incidents`,
    rowMode: 'array',
  });
  return rows;
}

async function upsertAll(pool: pg.Pool, rows: readonly string[][]): Promise<void> {
  await pool.query('TRUNCATE baseline_incidents');
  const updates = COLUMNS.slice(2).map((column) => `${column} = EXCLUDED.${column}`).join(', ');
  for (let start = 0; start < rows.length; start += UPSERT_BATCH) {
    const batch = rows.slice(start, start + UPSERT_BATCH);
    const values = batch.map(
      (_, row) => `(${COLUMNS.map((_column, column) => `$${row * COLUMNS.length + column + 1}`).join(', ')})`,
    );
    await pool.query(
      `INSERT INTO baseline_incidents (${COLUMNS.join(', ')}) VALUES ${values.join(', ')}
       ON CONFLICT (tenant, id) DO UPDATE SET ${updates}`,
      batch.flat(),
    );
  }
}
