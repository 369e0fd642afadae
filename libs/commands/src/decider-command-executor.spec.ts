import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { PostgresEventStore, WrongExpectedRevisionError, ensureEventStoreSchema } from '#event-store';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { DeciderCommandExecutor } from './decider-command-executor.js';
import { envelope, existingNotes, note, notes, serializer, type Note, type Notes } from './decider-command-executor.fixtures.js';
import { IdempotencyKeyReusedError } from './idempotency-key-reused.error.js';

describe(DeciderCommandExecutor.name, () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  let sut: DeciderCommandExecutor;
  const stream = () => `notes-${randomUUID()}`;

  beforeAll(async () => {
    database = await createTestDatabase();
    await ensureEventStoreSchema(database.pool);
    store = new PostgresEventStore(database.pool);
    sut = new DeciderCommandExecutor(store, serializer);
  });
  afterAll(async () => {
    await store?.close();
    await database?.drop();
  });

  async function eventsIn(streamId: string): Promise<number> {
    const { rows } = await database.pool.query('SELECT count(*)::int AS n FROM es_events WHERE stream_id = $1', [streamId]);
    return rows[0].n;
  }

  it('appends what the decider decides, with the envelope as metadata, and returns the new version', async () => {
    const streamId = stream();
    await sut.execute(notes, streamId, note, envelope);
    const result = await sut.execute(notes, streamId, note, { ...envelope, commandId: 'k1', reason: 'why' });
    expect(result).toMatchObject({ version: 1n, appended: true, state: { owner: 'ann', count: 2 } });
    const { rows } = await database.pool.query('SELECT metadata FROM es_events WHERE stream_id = $1 ORDER BY revision DESC LIMIT 1', [streamId]);
    expect(rows[0].metadata).toEqual({ actor: 'ann', tenant: 't', correlationId: 'c', causationId: 'c', origin: 'interactive', commandId: 'k1', reason: 'why' });
  });

  it('returns the first result for a retried command id and appends nothing', async () => {
    const streamId = stream();
    const first = await sut.execute(notes, streamId, note, { ...envelope, commandId: 'same' });
    await sut.execute(notes, streamId, note, envelope);
    const retry = await sut.execute(notes, streamId, note, { ...envelope, commandId: 'same' });
    expect(retry).toMatchObject({ version: first.version, position: first.position, appended: false });
    expect(await eventsIn(streamId)).toBe(2);
  });

  it('finds an earlier command on a stream expected to be new, instead of failing', async () => {
    const streamId = stream();
    const first = await sut.execute(notes, streamId, note, { ...envelope, commandId: 'open' }, { expectNew: true });
    const retry = await sut.execute(notes, streamId, note, { ...envelope, commandId: 'open' }, { expectNew: true });
    expect(retry).toMatchObject({ version: first.version, position: first.position });
    expect(await eventsIn(streamId)).toBe(1);
  });

  it('refuses a stale expected version without appending', async () => {
    const streamId = stream();
    await sut.execute(notes, streamId, note, envelope);
    await sut.execute(notes, streamId, note, envelope);
    await expect(sut.execute(notes, streamId, note, { ...envelope, expectedVersion: 0n })).rejects.toBeInstanceOf(
      WrongExpectedRevisionError,
    );
    expect(await eventsIn(streamId)).toBe(2);
  });

  it('runs concurrent commands on one record one at a time, none failing, when the caller gave no expected version', async () => {
    const streamId = stream();
    await sut.execute(notes, streamId, note, envelope);
    const results = await Promise.all(Array.from({ length: 50 }, () => sut.execute(notes, streamId, note, envelope)));
    expect(results.map((result) => result.version).sort((a, b) => Number(a - b))).toEqual(
      Array.from({ length: 50 }, (_, n) => BigInt(n + 1)),
    );
    expect(await eventsIn(streamId)).toBe(51);
  });

  it('retries conflicts with another process (a replica) on fresh state until every command is in', async () => {
    const replicaPool = new pg.Pool({ connectionString: database.url, max: 4 });
    const replica = new DeciderCommandExecutor(new PostgresEventStore(replicaPool), serializer);
    try {
      const streamId = stream();
      await sut.execute(notes, streamId, note, envelope);
      const results = await Promise.allSettled(
        Array.from({ length: 50 }, (_, n) => (n % 2 === 0 ? sut : replica).execute(notes, streamId, note, envelope)),
      );
      expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
      expect(await eventsIn(streamId)).toBe(51);
    } finally {
      await replicaPool.end();
    }
  });

  it('lets the decider refuse a record that does not exist before judging an expected version', async () => {
    await expect(sut.execute(existingNotes, stream(), note, { ...envelope, expectedVersion: 0n })).rejects.toThrow(
      'no such record',
    );
    await expect(sut.execute(notes, stream(), note, { ...envelope, expectedVersion: 0n })).rejects.toBeInstanceOf(
      WrongExpectedRevisionError,
    );
  });

  describe('command ids', () => {
    const asked = { ...envelope, commandId: 'key' };

    it("are the actor's own: another actor's equal key is another command", async () => {
      const streamId = stream();
      const anns = await sut.execute(notes, streamId, note, asked, { intent: note });
      const bobs = await sut.execute(notes, streamId, note, { ...asked, actor: 'bob' }, { intent: note });
      expect(bobs).toMatchObject({ appended: true, version: anns.version + 1n });
      const bobsRetry = await sut.execute(notes, streamId, note, { ...asked, actor: 'bob' }, { intent: note });
      expect(bobsRetry).toMatchObject({ appended: false, version: bobs.version, position: bobs.position });
      expect(await eventsIn(streamId)).toBe(2);
    });

    it('refuse a reuse for a different intent, keeping a hash of the intent in the metadata', async () => {
      const streamId = stream();
      await sut.execute(notes, streamId, note, asked, { intent: note });
      const other: Note = { type: 'Note', data: { text: 'something else' } };
      await expect(sut.execute(notes, streamId, other, asked, { intent: other })).rejects.toBeInstanceOf(
        IdempotencyKeyReusedError,
      );
      const reordered = { data: { text: 'hi' }, type: 'Note' };
      await expect(sut.execute(notes, streamId, note, asked, { intent: reordered })).resolves.toMatchObject({ appended: false });
      const { rows } = await database.pool.query('SELECT metadata FROM es_events WHERE stream_id = $1', [streamId]);
      expect(rows).toEqual([{ metadata: expect.objectContaining({ commandId: 'key', commandFingerprint: expect.any(String) }) }]);
    });

    it('answer a retry with the first result when the earlier event has no fingerprint (recorded before them)', async () => {
      const streamId = stream();
      const first = await sut.execute(notes, streamId, note, asked);
      const retry = await sut.execute(notes, streamId, note, asked, { intent: note });
      expect(retry).toMatchObject({ appended: false, version: first.version });
    });
  });

  it('asks authorize with the loaded state before deciding, and appends nothing when it refuses', async () => {
    const streamId = stream();
    await sut.execute(notes, streamId, note, envelope);
    const seen: Notes[] = [];
    const refusal = new Error('not yours');
    await expect(
      sut.execute(notes, streamId, note, envelope, {
        authorize: (state) => {
          seen.push(state);
          throw refusal;
        },
      }),
    ).rejects.toBe(refusal);
    expect(seen).toEqual([{ owner: 'ann', count: 1 }]);
    expect(await eventsIn(streamId)).toBe(1);
  });

  it('asks authorize even for a retried command id, so a refused caller learns nothing', async () => {
    const streamId = stream();
    const retried = { ...envelope, commandId: 'k' };
    await sut.execute(notes, streamId, note, retried);
    const refusal = new Error('not yours');
    await expect(
      sut.execute(notes, streamId, note, retried, {
        authorize: () => {
          throw refusal;
        },
      }),
    ).rejects.toBe(refusal);
  });
});
