import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Decider } from '#domain';
import { EventSerializer } from '#events';
import { PostgresEventStore, WrongExpectedRevisionError, ensureEventStoreSchema } from '#event-store';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import type { CommandEnvelope } from './command-envelope.js';
import { DeciderCommandExecutor } from './decider-command-executor.js';

type Noted = { type: 'Noted'; data: { text: string; by: string } };
type Note = { type: 'Note'; data: { text: string } };
type Notes = { owner: string; count: number } | null;

/** The smallest record with an owner: the first note makes its author the owner. */
const notes: Decider<Note, Noted, Notes> = {
  initialState: null,
  evolve: (state, event) => ({ owner: state?.owner ?? event.data.by, count: (state?.count ?? 0) + 1 }),
  decide: (command) => [{ type: 'Noted', data: { text: command.data.text, by: 'ann' } }],
};

const envelope: CommandEnvelope = {
  tenant: 't',
  actor: 'ann',
  origin: 'interactive',
  correlationId: 'c',
  causationId: 'c',
  now: new Date('2026-03-02T09:00:00Z'),
};
const serializer = new EventSerializer([{ type: 'Noted', storedName: 'test.noted.v1' }]);
const note: Note = { type: 'Note', data: { text: 'hi' } };

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

  it('retries conflicts on fresh state when the caller gave no expected version', async () => {
    const streamId = stream();
    await sut.execute(notes, streamId, note, envelope);
    const results = await Promise.all(Array.from({ length: 4 }, () => sut.execute(notes, streamId, note, envelope)));
    expect(results.map((result) => result.version).sort()).toEqual([1n, 2n, 3n, 4n]);
    expect(await eventsIn(streamId)).toBe(5);
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
