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
/** What the projection leaves behind: one row per incident, and one journal entry per event. */
const TABLES = [
  {
    table: 'incidents',
    columns: [
      'tenant', 'id', 'number', 'title', 'description', 'state', 'impact', 'urgency', 'priority', 'caller_id',
      'service_id', 'category', 'assignment_group', 'assignee', 'major', 'opened_at', 'updated_at', 'version', 'detail', 'folded',
    ],
    key: ['tenant', 'id'],
  },
  {
    table: 'incident_journal',
    columns: ['tenant', 'incident_id', 'revision', 'event', 'at', 'actor', 'state', 'text'],
    key: ['tenant', 'incident_id', 'revision'],
  },
] as const;
type Table = (typeof TABLES)[number];

/**
 * A full replay of the incident projection by the projector's own runner, against the floor it
 * cannot beat: writing the same final rows (incidents and their journals) with plain 500-row UPSERTs.
 */
export async function rebuildBench(database: BenchDatabase, eventCount: number): Promise<Figure> {
  const store = new PostgresEventStore(database.pool);
  const written = await appendHistories(store, eventCount);
  progress(`${written.events} events of ${written.incidents} incidents appended in ${written.seconds.toFixed(1)} s`);
  const head = await headPosition(database.pool);
  if (!head) throw new Error('no events were appended');

  await resetProjection(database.pool, incidentProjection);
  const memory = new PeakRss();
  const rebuild = await timed(() => replay(database.pool, store, head)).finally(() => memory.stop());

  const finals = await Promise.all(TABLES.map((table) => finalRows(database.pool, table)));
  const rows = finals[0]!;
  if (rows.length !== written.incidents) throw new Error(`rebuild made ${rows.length} rows, not ${written.incidents}`);
  const baseline = await timed(async () => {
    for (const [index, table] of TABLES.entries()) await upsertAll(database.pool, table, finals[index]!);
  });
  return {
    database: database.label,
    name: `projection rebuild, ${written.events} events`,
    unit: 'events/s',
    value: written.events / rebuild.seconds,
    baseline: written.events / baseline.seconds,
    higherIsBetter: true,
    target: 0.5,
    note:
      `baseline upserts the ${rows.length} final rows and ${finals[1]!.length} journal entries; ` +
      `peak RSS ${memory.peakMiB} MiB during the replay (${memory.startMiB} MiB before)`,
  };
}

/** The process's resident memory, sampled while a replay runs. */
class PeakRss {
  readonly startMiB = mebibytes(process.memoryUsage.rss());
  private peak = process.memoryUsage.rss();
  private readonly sampler = setInterval(() => (this.peak = Math.max(this.peak, process.memoryUsage.rss())), 100);

  get peakMiB(): number {
    return mebibytes(this.peak);
  }

  stop(): void {
    clearInterval(this.sampler);
  }
}

function mebibytes(bytes: number): number {
  return Math.round(bytes / 2 ** 20);
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
async function finalRows(pool: pg.Pool, { table, columns }: Table): Promise<string[][]> {
  const { rows } = await pool.query<string[]>({
    text: `SELECT ${columns.map((column) => `${column}::text`).join(', ')} FROM ${table}`,
    rowMode: 'array',
  });
  return rows;
}

async function upsertAll(pool: pg.Pool, { table, columns, key }: Table, rows: readonly string[][]): Promise<void> {
  const baseline = `baseline_${table}`;
  await pool.query(`TRUNCATE ${baseline}`);
  const updates = columns
    .filter((column) => !(key as readonly string[]).includes(column))
    .map((column) => `${column} = EXCLUDED.${column}`)
    .join(', ');
  for (let start = 0; start < rows.length; start += UPSERT_BATCH) {
    const batch = rows.slice(start, start + UPSERT_BATCH);
    const values = batch.map(
      (_, row) => `(${columns.map((_column, column) => `$${row * columns.length + column + 1}`).join(', ')})`,
    );
    await pool.query(
      `INSERT INTO ${baseline} (${columns.join(', ')}) VALUES ${values.join(', ')}
       ON CONFLICT (${key.join(', ')}) DO UPDATE SET ${updates}`,
      batch.flat(),
    );
  }
}
