import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { EventMetadata } from '#events';
import {
  InvalidAppendError,
  StreamNotFoundError,
  WrongExpectedRevisionError,
  comparePositions,
  type EventStore,
  type NewEvent,
  type RecordedEvent,
} from '#event-store';
import { collect, takeFromSubscription } from '../support/async-iterables.js';

export interface StoreUnderTest {
  readonly store: EventStore;
  dispose(): Promise<void>;
}

const metadata: EventMetadata = {
  actor: 'user-1',
  tenant: 'acme',
  correlationId: 'corr-1',
  causationId: 'cmd-1',
  commandId: 'cmd-1',
  origin: 'interactive',
};

function newEvent(type = 'test.happened.v1', data: object = { n: 1 }): NewEvent {
  return { id: randomUUID(), type, data, metadata };
}

/**
 * The behaviour every adapter of the event store port must show, run against real servers.
 * Each test works under its own stream prefix, so adapters may share one server.
 */
export function describeEventStoreContract(name: string, makeStore: () => Promise<StoreUnderTest>): void {
  describe(`event store contract: ${name}`, () => {
    let sut: EventStore;
    let underTest: StoreUnderTest;
    let prefix: string;
    const stream = (suffix: string) => `${prefix}${suffix}`;

    beforeAll(async () => {
      underTest = await makeStore();
      sut = underTest.store;
    });
    afterAll(async () => underTest?.dispose());
    beforeEach(() => {
      prefix = `c${randomUUID().slice(0, 8)}_`;
    });

    describe('appendToStream', () => {
      it('creates a stream with no_stream and numbers revisions from 0', async () => {
        const result = await sut.appendToStream(stream('a'), [newEvent(), newEvent()], { expectedRevision: 'no_stream' });
        expect(result.nextExpectedRevision).toBe(1n);
        expect(typeof result.position.commit).toBe('bigint');
      });

      it('rejects no_stream when the stream exists, naming the actual revision', async () => {
        await sut.appendToStream(stream('a'), [newEvent()], { expectedRevision: 'no_stream' });
        const error = await sut
          .appendToStream(stream('a'), [newEvent()], { expectedRevision: 'no_stream' })
          .catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(WrongExpectedRevisionError);
        expect(error).toMatchObject({ streamId: stream('a'), expected: 'no_stream', actual: 0n });
      });

      it('appends at an exact revision and rejects a stale one without writing', async () => {
        await sut.appendToStream(stream('a'), [newEvent()], { expectedRevision: 'no_stream' });
        const second = await sut.appendToStream(stream('a'), [newEvent()], { expectedRevision: 0n });
        expect(second.nextExpectedRevision).toBe(1n);
        await expect(sut.appendToStream(stream('a'), [newEvent()], { expectedRevision: 0n })).rejects.toMatchObject({
          expected: 0n,
          actual: 1n,
        });
        expect(await collect(sut.readStream(stream('a')))).toHaveLength(2);
      });

      it('rejects an exact revision on a missing stream as no_stream', async () => {
        await expect(sut.appendToStream(stream('missing'), [newEvent()], { expectedRevision: 3n })).rejects.toMatchObject({
          name: 'WrongExpectedRevisionError',
          actual: 'no_stream',
        });
      });

      it('requires an existing stream for stream_exists', async () => {
        await expect(
          sut.appendToStream(stream('a'), [newEvent()], { expectedRevision: 'stream_exists' }),
        ).rejects.toBeInstanceOf(WrongExpectedRevisionError);
        await sut.appendToStream(stream('a'), [newEvent()], { expectedRevision: 'any' });
        const result = await sut.appendToStream(stream('a'), [newEvent()], { expectedRevision: 'stream_exists' });
        expect(result.nextExpectedRevision).toBe(1n);
      });

      it('appends in any state with any', async () => {
        expect((await sut.appendToStream(stream('a'), [newEvent()], { expectedRevision: 'any' })).nextExpectedRevision).toBe(0n);
        expect((await sut.appendToStream(stream('a'), [newEvent()], { expectedRevision: 'any' })).nextExpectedRevision).toBe(1n);
      });

      it('treats a retried append of the same event ids as done once', async () => {
        const events = [newEvent(), newEvent()];
        const first = await sut.appendToStream(stream('a'), events, { expectedRevision: 'no_stream' });
        const retry = await sut.appendToStream(stream('a'), events, { expectedRevision: 'no_stream' });
        expect(retry.nextExpectedRevision).toBe(first.nextExpectedRevision);
        expect(comparePositions(retry.position, first.position)).toBe(0);
        expect(await collect(sut.readStream(stream('a')))).toHaveLength(2);
      });

      it('refuses an append with no events', async () => {
        await expect(sut.appendToStream(stream('a'), [], { expectedRevision: 'any' })).rejects.toBeInstanceOf(
          InvalidAppendError,
        );
      });
    });

    describe('readStream', () => {
      it('returns what was appended, with its envelope', async () => {
        const event = newEvent('test.opened.v1', { title: 'Printer on fire', impact: 1, tags: ['a'] });
        const { position } = await sut.appendToStream(stream('a'), [event], { expectedRevision: 'no_stream' });
        const [read] = await collect(sut.readStream(stream('a')));
        expect(read).toMatchObject({
          id: event.id,
          type: 'test.opened.v1',
          data: event.data,
          metadata,
          streamId: stream('a'),
          revision: 0n,
        });
        expect(comparePositions(read!.position, position)).toBe(0);
        expect(read!.created).toBeInstanceOf(Date);
      });

      it('reads forwards and backwards from a revision, up to a count', async () => {
        const events = Array.from({ length: 5 }, (_, n) => newEvent('test.counted.v1', { n }));
        await sut.appendToStream(stream('a'), events, { expectedRevision: 'no_stream' });
        const forwards = await collect(sut.readStream(stream('a'), { fromRevision: 1n, maxCount: 3 }));
        expect(forwards.map((event) => event.revision)).toEqual([1n, 2n, 3n]);
        const backwards = await collect(sut.readStream(stream('a'), { direction: 'backwards', maxCount: 2 }));
        expect(backwards.map((event) => event.revision)).toEqual([4n, 3n]);
        const backFrom = await collect(sut.readStream(stream('a'), { direction: 'backwards', fromRevision: 1n }));
        expect(backFrom.map((event) => event.revision)).toEqual([1n, 0n]);
      });

      it('throws StreamNotFoundError for a stream with no events', async () => {
        await expect(collect(sut.readStream(stream('nothing')))).rejects.toBeInstanceOf(StreamNotFoundError);
      });
    });

    describe('readAll', () => {
      it('returns every stream in one global order, filtered by stream prefix', async () => {
        await sut.appendToStream(stream('a'), [newEvent('test.one.v1')], { expectedRevision: 'any' });
        await sut.appendToStream(stream('b'), [newEvent('test.two.v1')], { expectedRevision: 'any' });
        await sut.appendToStream(stream('a'), [newEvent('test.three.v1')], { expectedRevision: 'any' });
        const all = await collect(sut.readAll({ filter: { streamPrefixes: [prefix] } }));
        expect(all.map((event) => event.type)).toEqual(['test.one.v1', 'test.two.v1', 'test.three.v1']);
        expectAscending(all);
        const backwards = await collect(sut.readAll({ direction: 'backwards', filter: { streamPrefixes: [prefix] } }));
        expect(backwards.map((event) => event.type)).toEqual(['test.three.v1', 'test.two.v1', 'test.one.v1']);
      });

      it('starts at an inclusive position and stops at a count', async () => {
        for (const n of [0, 1, 2, 3]) {
          await sut.appendToStream(stream('a'), [newEvent('test.counted.v1', { n })], { expectedRevision: 'any' });
        }
        const all = await collect(sut.readAll({ filter: { streamPrefixes: [prefix] } }));
        const fromSecond = await collect(
          sut.readAll({ fromPosition: all[1]!.position, maxCount: 2, filter: { streamPrefixes: [prefix] } }),
        );
        expect(fromSecond.map((event) => event.data)).toEqual([{ n: 1 }, { n: 2 }]);
      });

      it('gives the events of one append one commit, which no other append shares', async () => {
        await sut.appendToStream(stream('a'), [newEvent(), newEvent(), newEvent()], { expectedRevision: 'any' });
        await sut.appendToStream(stream('a'), [newEvent()], { expectedRevision: 'any' });
        const all = await collect(sut.readAll({ filter: { streamPrefixes: [prefix] } }));
        const commits = all.map((event) => event.position.commit);
        expect(new Set(commits.slice(0, 3)).size).toBe(1);
        expect(commits[3]).not.toBe(commits[0]);
      });

      it('filters by event type prefix', async () => {
        const kind = `${prefix}kind.`;
        await sut.appendToStream(stream('a'), [newEvent(`${kind}wanted.v1`), newEvent('other.v1')], {
          expectedRevision: 'any',
        });
        const wanted = await collect(sut.readAll({ filter: { eventTypePrefixes: [kind] } }));
        expect(wanted.map((event) => event.type)).toEqual([`${kind}wanted.v1`]);
      });
    });

    describe('subscribeToAll', () => {
      it('catches up on history, then delivers live events, after an exclusive position', async () => {
        await sut.appendToStream(stream('a'), [newEvent('test.before.v1'), newEvent('test.start.v1')], {
          expectedRevision: 'no_stream',
        });
        const history = await collect(sut.readAll({ filter: { streamPrefixes: [prefix] } }));
        const subscription = sut.subscribeToAll({ after: history[0]!.position, filter: { streamPrefixes: [prefix] } });
        const received = takeFromSubscription(subscription, 3);
        await sut.appendToStream(stream('b'), [newEvent('test.live.v1')], { expectedRevision: 'no_stream' });
        await sut.appendToStream(stream('a'), [newEvent('test.later.v1')], { expectedRevision: 1n });
        expect((await received).map((event) => event.type)).toEqual(['test.start.v1', 'test.live.v1', 'test.later.v1']);
      });

      it('ends iteration when closed', async () => {
        const subscription = sut.subscribeToAll({ filter: { streamPrefixes: [prefix] } });
        const iteration = collect(subscription);
        await new Promise((resolve) => setTimeout(resolve, 50));
        await subscription.close();
        await expect(iteration).resolves.toEqual([]);
      });
    });

    describe('concurrent writers', () => {
      it('lets a live subscriber see every event exactly once, in the order a later read returns', async () => {
        const writers = 64;
        const appendsPerWriter = 8;
        const total = writers * appendsPerWriter * 2;
        const subscription = sut.subscribeToAll({ filter: { streamPrefixes: [prefix] } });
        const received = takeFromSubscription(subscription, total);
        await Promise.all(
          Array.from({ length: writers }, async (_, writer) => {
            for (let append = 0; append < appendsPerWriter; append += 1) {
              // Half the writers share streams, so per-stream locking is exercised too.
              const target = writer % 2 === 0 ? stream(`w${writer}`) : stream(`shared${writer % 8}`);
              await sut.appendToStream(target, [newEvent(), newEvent()], { expectedRevision: 'any' });
            }
          }),
        );
        const live = await received;
        const later = await collect(sut.readAll({ filter: { streamPrefixes: [prefix] } }));
        expect(later).toHaveLength(total);
        expect(new Set(live.map((event) => event.id)).size).toBe(total);
        expect(live.map((event) => event.id)).toEqual(later.map((event) => event.id));
        expectAscending(later);
        expectStreamOrderKept(later);
      }, 120_000);
    });
  });
}

function expectAscending(events: readonly RecordedEvent[]): void {
  for (let index = 1; index < events.length; index += 1) {
    expect(comparePositions(events[index - 1]!.position, events[index]!.position)).toBeLessThan(0);
  }
}

/** Within each stream, the global order must list revisions 0, 1, 2, ... */
function expectStreamOrderKept(events: readonly RecordedEvent[]): void {
  const next = new Map<string, bigint>();
  for (const event of events) {
    expect(event.revision).toBe(next.get(event.streamId) ?? 0n);
    next.set(event.streamId, event.revision + 1n);
  }
}
