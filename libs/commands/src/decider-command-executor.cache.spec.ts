import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import type { Decider } from '#domain';
import {
  PostgresEventStore,
  WrongExpectedRevisionError,
  ensureEventStoreSchema,
  type ReadStreamOptions,
  type RecordedEvent,
} from '#event-store';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { DeciderCommandExecutor } from './decider-command-executor.js';
import { envelope, note, notes, serializer, type Note, type Noted, type Notes } from './decider-command-executor.fixtures.js';
import { IdempotencyKeyReusedError } from './idempotency-key-reused.error.js';

/** The real store, counting the events that stream reads hand out. */
class CountingStore extends PostgresEventStore {
  eventsRead = 0;

  override async *readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent> {
    for await (const recorded of super.readStream(streamId, options)) {
      this.eventsRead += 1;
      yield recorded;
    }
  }
}

/** Refuses a note while the count is odd: what it answers depends on every event before. */
const evenNotes: Decider<Note, Noted, Notes> = {
  ...notes,
  decide: (command, state) => {
    if ((state?.count ?? 0) % 2 === 1) throw new Error('odd');
    return notes.decide(command, state);
  },
};

describe(`${DeciderCommandExecutor.name}, keeping folded records between commands`, () => {
  let database: TestDatabase;
  let otherPool: pg.Pool;
  let store: CountingStore;
  /** This process. */
  let sut: DeciderCommandExecutor;
  /** Another process on the same database: its own pool, its own folded records. */
  let other: DeciderCommandExecutor;
  const stream = () => `notes-${randomUUID()}`;
  const keyed = (commandId: string) => ({ ...envelope, commandId });

  beforeAll(async () => {
    database = await createTestDatabase();
    await ensureEventStoreSchema(database.pool);
    otherPool = new pg.Pool({ connectionString: database.url, max: 4 });
    store = new CountingStore(database.pool);
    sut = new DeciderCommandExecutor(store, serializer);
    other = new DeciderCommandExecutor(new PostgresEventStore(otherPool), serializer);
  });
  afterAll(async () => {
    await otherPool?.end();
    await store?.close();
    await database?.drop();
  });

  async function eventsIn(streamId: string): Promise<number> {
    const { rows } = await database.pool.query('SELECT count(*)::int AS n FROM es_events WHERE stream_id = $1', [streamId]);
    return rows[0].n;
  }

  async function noteTimes(executor: DeciderCommandExecutor, streamId: string, times: number): Promise<void> {
    for (let n = 0; n < times; n += 1) await executor.execute(notes, streamId, note, envelope);
  }

  it('reads a record once, then only the events another process appended', async () => {
    const streamId = stream();
    await noteTimes(other, streamId, 20);
    const start = store.eventsRead;
    await noteTimes(sut, streamId, 6);
    expect(store.eventsRead - start).toBe(20);
    await noteTimes(other, streamId, 3);
    const result = await sut.execute(notes, streamId, note, envelope);
    expect(result).toMatchObject({ version: 29n, appended: true, state: { count: 30 } });
    expect(store.eventsRead - start).toBeLessThanOrEqual(20 + 4);
  });

  it('keeps two processes that take turns on one record right', async () => {
    const streamId = stream();
    for (let n = 0; n < 10; n += 1) {
      const result = await (n % 2 === 0 ? sut : other).execute(notes, streamId, note, envelope);
      expect(result).toMatchObject({ version: BigInt(n), state: { count: n + 1 } });
    }
    expect(await eventsIn(streamId)).toBe(10);
  });

  it('refuses nothing on what it folded before another process changed the record', async () => {
    const streamId = stream();
    await other.execute(notes, streamId, note, envelope);
    await expect(sut.execute(evenNotes, streamId, note, envelope)).rejects.toThrow('odd');
    await other.execute(notes, streamId, note, envelope);
    await expect(sut.execute(evenNotes, streamId, note, envelope)).resolves.toMatchObject({ version: 2n, state: { count: 3 } });
  });

  describe('a retried command id', () => {
    it('run first in another process returns that first result and appends nothing', async () => {
      const streamId = stream();
      await sut.execute(notes, streamId, note, envelope);
      const first = await other.execute(notes, streamId, note, keyed('k'), { intent: note });
      const retry = await sut.execute(notes, streamId, note, keyed('k'), { intent: note });
      expect(retry).toEqual({ ...first, appended: false });
      expect(await eventsIn(streamId)).toBe(2);
      const reused = { type: 'Note', data: { text: 'else' } };
      await expect(sut.execute(notes, streamId, note, keyed('k'), { intent: reused })).rejects.toBeInstanceOf(
        IdempotencyKeyReusedError,
      );
    });

    it('returns the state right after its first run, however many commands came since', async () => {
      const streamId = stream();
      const first = await sut.execute(notes, streamId, note, keyed('early'));
      await noteTimes(sut, streamId, 3);
      const retry = await sut.execute(notes, streamId, note, keyed('early'));
      expect(retry).toEqual({ ...first, appended: false });
      expect(await eventsIn(streamId)).toBe(4);
    });

    it('after its record left the cache returns the first result and appends nothing', async () => {
      const small = new DeciderCommandExecutor(new PostgresEventStore(database.pool), serializer, { cachedEvents: 3 });
      const streamId = stream();
      await noteTimes(small, streamId, 1);
      const first = await small.execute(notes, streamId, note, keyed('k'));
      await noteTimes(small, stream(), 3);
      expect(small.cachedEvents).toBe(3);
      const retry = await small.execute(notes, streamId, note, keyed('k'));
      expect(retry).toEqual({ ...first, appended: false });
      expect(await eventsIn(streamId)).toBe(2);
    });
  });

  describe('an expected version', () => {
    it('that this process last saw, when another process appended since, is a conflict', async () => {
      const streamId = stream();
      const seen = await sut.execute(notes, streamId, note, envelope);
      await other.execute(notes, streamId, note, envelope);
      const stale = sut.execute(notes, streamId, note, { ...envelope, expectedVersion: seen.version });
      await expect(stale).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      await expect(stale).rejects.toMatchObject({ expected: 0n, actual: 1n });
      expect(await eventsIn(streamId)).toBe(2);
    });

    it('newer than this process saw is checked against the record caught up', async () => {
      const streamId = stream();
      await sut.execute(notes, streamId, note, envelope);
      const latest = await other.execute(notes, streamId, note, envelope);
      const result = await sut.execute(notes, streamId, note, { ...envelope, expectedVersion: latest.version });
      expect(result).toMatchObject({ version: 2n, state: { count: 3 } });
    });
  });

  it('holds no more events than it was sized for, and still runs commands on a longer record', async () => {
    const small = new DeciderCommandExecutor(new PostgresEventStore(database.pool), serializer, { cachedEvents: 5 });
    for (let n = 0; n < 4; n += 1) {
      await noteTimes(small, stream(), 2);
      expect(small.cachedEvents).toBeLessThanOrEqual(5);
    }
    const long = stream();
    await noteTimes(small, long, 8);
    expect(small.cachedEvents).toBeLessThanOrEqual(5);
    await expect(small.execute(notes, long, note, envelope)).resolves.toMatchObject({ version: 8n, state: { count: 9 } });
  });
});
