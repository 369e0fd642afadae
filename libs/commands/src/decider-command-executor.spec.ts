import { describe, expect, it } from '@jest/globals';
import type { Decider } from '#domain';
import { EventSerializer } from '#events';
import { StreamNotFoundError, type EventStore, type NewEvent, type RecordedEvent } from '#event-store';
import type { CommandEnvelope } from './command-envelope.js';
import { DeciderCommandExecutor } from './decider-command-executor.js';

type Noted = { type: 'Noted'; data: { text: string; by: string } };
type Note = { type: 'Note'; data: { text: string } };
type Notes = { owner: string; count: number } | null;

/** The smallest record with an owner: the first note makes its author the owner. */
const notes: Decider<Note, Noted, Notes> = {
  initialState: null,
  evolve: (state, event) => ({ owner: state?.owner ?? event.data.by, count: (state?.count ?? 0) + 1 }),
  decide: (command) => [{ type: 'Noted', data: { text: command.data.text, by: 'someone' } }],
};

/** Only what the executor uses: read one stream, append to it. */
function oneStreamStore(events: RecordedEvent[] = []): EventStore {
  return {
    async appendToStream(streamId: string, appended: readonly NewEvent[]) {
      for (const event of appended) {
        const revision = BigInt(events.length);
        events.push({ ...event, streamId, revision, position: { commit: revision, prepare: 0n }, created: new Date() });
      }
      return { nextExpectedRevision: BigInt(events.length - 1), position: events.at(-1)!.position };
    },
    async *readStream(streamId: string) {
      if (events.length === 0) throw new StreamNotFoundError(streamId);
      yield* events;
    },
    readAll: () => {
      throw new Error('not used');
    },
    subscribeToAll: () => {
      throw new Error('not used');
    },
    close: async () => undefined,
  };
}

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
  it('asks authorize with the loaded state before deciding, and appends nothing when it refuses', async () => {
    const store = oneStreamStore();
    const sut = new DeciderCommandExecutor(store, serializer);
    await sut.execute(notes, 's', note, envelope);
    const seen: Notes[] = [];
    const refusal = new Error('not yours');
    await expect(
      sut.execute(notes, 's', note, envelope, {
        authorize: (state) => {
          seen.push(state);
          throw refusal;
        },
      }),
    ).rejects.toBe(refusal);
    expect(seen).toEqual([{ owner: 'someone', count: 1 }]);
    const result = await sut.execute(notes, 's', note, envelope, { authorize: () => undefined });
    expect(result.version).toBe(1n);
  });

  it('asks authorize even for a retried command id, so a refused caller learns nothing', async () => {
    const sut = new DeciderCommandExecutor(oneStreamStore(), serializer);
    const retried = { ...envelope, commandId: 'k' };
    await sut.execute(notes, 's', note, retried);
    const refusal = new Error('not yours');
    await expect(
      sut.execute(notes, 's', note, retried, {
        authorize: () => {
          throw refusal;
        },
      }),
    ).rejects.toBe(refusal);
  });
});
