import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type pg from 'pg';
import {
  PostgresEventStore,
  encodePositionToken,
  ensureEventStoreSchema,
  type Position,
  type RecordedEvent,
} from '#event-store';
import { ensureReadModelSchema, READ_MODEL_CHANNEL, type Projection } from '#read-model';
import { captureLogs } from '../../../test/support/captured-logs.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { ProjectionRunner } from './projection-runner.js';
import { resetProjection } from './rebuild.js';

/** Projections follow record streams only: the tests name each by a letter, which picks its id. */
const streamOf = (name: string) => `incident-t-00000000-0000-4000-8000-${name.padStart(12, '0')}`;
const recordName = (event: RecordedEvent) => event.streamId.slice(-12).replace(/^0+/, '');

/** Counts events per stream and remembers the last revision, so double or skipped applies show. */
function countingProjection(failOnce?: { eventId: string }): Projection {
  let failed = false;
  return {
    name: 'stream-counts',
    follows: { incident: 'all' },
    async applyBatch(events: readonly RecordedEvent[], tx: pg.PoolClient) {
      for (const event of events) {
        if (failOnce && !failed && event.id === failOnce.eventId) {
          failed = true;
          throw new Error('projection failed half-way through a batch');
        }
        await tx.query(
          `INSERT INTO stream_counts (stream, events, last_revision) VALUES ($1, 1, $2)
           ON CONFLICT (stream) DO UPDATE SET events = stream_counts.events + 1, last_revision = $2`,
          [recordName(event), event.revision.toString()],
        );
      }
      return events.map((event) => ({ kind: 'incident' as const, tenant: 't', id: recordName(event), version: event.revision.toString() }));
    },
    reset: async (tx) => void (await tx.query('TRUNCATE stream_counts')),
  };
}

describe(ProjectionRunner.name, () => {
  let database: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    database = await createTestDatabase();
    await ensureEventStoreSchema(database.pool);
    await ensureReadModelSchema(database.pool, []);
    await database.pool.query(
      'CREATE TABLE stream_counts (stream text PRIMARY KEY, events int NOT NULL, last_revision bigint NOT NULL)',
    );
    store = new PostgresEventStore(database.pool);
  });
  afterAll(async () => {
    await store?.close();
    await database?.drop();
  });
  beforeEach(async () => {
    await database.pool.query('TRUNCATE stream_counts, projection_checkpoints, es_events');
  });

  /** Where the last append ended: the head of the log, though readers may not see it yet. */
  let head: Position | undefined;

  async function append(stream: string, count: number): Promise<RecordedEvent['id'][]> {
    const ids = Array.from({ length: count }, () => randomUUID());
    ({ position: head } = await store.appendToStream(
      streamOf(stream),
      ids.map((id) => ({
        id,
        type: 'test.counted.v1',
        data: {},
        metadata: { actor: 'a', tenant: 't', correlationId: 'c', causationId: 'c', origin: 'system' },
      })),
      { expectedRevision: 'any' },
    ));
    return ids;
  }

  /**
   * Runs the projection until its checkpoint reaches the last append, then stops it. The target
   * is the append's own position: a read of the log's head right after appending may not show it
   * yet while any other transaction on the server is still open.
   */
  async function runUntilCaughtUp(projection: Projection, maxBatch = 7): Promise<ProjectionRunner> {
    const target = encodePositionToken(head!, await store.identity());
    const sut = new ProjectionRunner(projection, store, database.pool, { maxBatch, retryDelayMs: 10 });
    const stop = new AbortController();
    const running = sut.run(stop.signal);
    try {
      const deadline = Date.now() + 20_000;
      while (sut.status().position !== target) {
        if (Date.now() > deadline) throw new Error(`Projection stuck at ${sut.status().position}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    } finally {
      // A runner left going after a failed wait would outlive the database and keep Jest alive.
      stop.abort();
      await running;
    }
    return sut;
  }

  async function counts(): Promise<Record<string, number>> {
    const { rows } = await database.pool.query<{ stream: string; events: number }>(
      'SELECT stream, events FROM stream_counts ORDER BY stream',
    );
    return Object.fromEntries(rows.map((row) => [row.stream, row.events]));
  }

  it('applies every event once, in batches, and resumes after a restart where it stopped', async () => {
    await append('a', 10);
    await append('b', 3);
    await runUntilCaughtUp(countingProjection());
    expect(await counts()).toEqual({ a: 10, b: 3 });

    await append('a', 5);
    await append('c', 1);
    await runUntilCaughtUp(countingProjection());
    expect(await counts()).toEqual({ a: 15, b: 3, c: 1 });
  });

  it('rolls back a failed batch with its checkpoint and retries it, so nothing is applied twice', async () => {
    await append('a', 4);
    const [, , poison] = await append('b', 6);
    const logs = captureLogs();
    try {
      await runUntilCaughtUp(countingProjection({ eventId: poison! }));
    } finally {
      logs.restore();
    }
    expect(await counts()).toEqual({ a: 4, b: 6 });
    expect(logs.entries).toContainEqual({ level: 'error', message: expect.stringContaining('half-way through a batch') });
  });

  it('replays from the start after a rebuild and ends with the same read model', async () => {
    await append('a', 12);
    await append('b', 2);
    const projection = countingProjection();
    await runUntilCaughtUp(projection);
    const before = await counts();
    await resetProjection(database.pool, projection);
    expect(await counts()).toEqual({});
    await runUntilCaughtUp(projection);
    expect(await counts()).toEqual(before);
  });

  it('never ends a batch inside a commit, so no record is committed between two events of one append', async () => {
    await append('a', 3);
    await append('b', 2);
    await append('c', 1);
    const batches: string[][] = [];
    const counting = countingProjection();
    await runUntilCaughtUp(
      {
        ...counting,
        applyBatch: (events, tx) => {
          batches.push(events.map((event) => `${recordName(event)}${event.revision}`));
          return counting.applyBatch(events, tx);
        },
      },
      1,
    );
    expect(batches).toEqual([['a0', 'a1', 'a2'], ['b0', 'b1'], ['c0']]);
  });

  it('announces each committed batch on the update channel', async () => {
    const listener = await database.pool.connect();
    const notices: string[] = [];
    listener.on('notification', (message) => notices.push(message.payload ?? ''));
    await listener.query(`LISTEN ${READ_MODEL_CHANNEL}`);
    try {
      await append('a', 3);
      await runUntilCaughtUp(countingProjection());
      await new Promise((resolve) => setTimeout(resolve, 100));
      const announced = notices.flatMap((notice) => JSON.parse(notice).records.map((record: { id: string }) => record.id));
      expect(announced).toEqual(['a', 'a', 'a']);
    } finally {
      await listener.query(`UNLISTEN ${READ_MODEL_CHANNEL}`);
      listener.release();
    }
  });
});
