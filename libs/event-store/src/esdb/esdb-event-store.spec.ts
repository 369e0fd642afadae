import { Readable } from 'node:stream';
import { describe, expect, it, jest } from '@jest/globals';
import {
  END,
  START,
  StreamNotFoundError as EsdbStreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type EventStoreDBClient,
} from '@eventstore/db-client';
import type { EventMetadata } from '#events';
import { collect } from '../../../../test/support/async-iterables.js';
import { InvalidAppendError, StreamNotFoundError, WrongExpectedRevisionError } from '../event-store.errors.js';
import type { NewEvent, RecordedEvent } from '../event-store.port.js';
import type { Position } from '../position.js';
import { EsdbEventStore } from './esdb-event-store.js';
import type { RetryDependencies, RetryPolicy } from './esdb-retry.js';

const metadata: EventMetadata = { actor: 'u', tenant: 't', correlationId: 'c', causationId: 'c', origin: 'system' };
const retry: RetryPolicy = { maxAttempts: 3, initialDelayMs: 10, maxDelayMs: 100 };

function newEvent(n: number): NewEvent {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    type: 'test.happened.v1',
    data: { n },
    metadata,
  };
}

/** Counts the backoff waits and skips them. */
function fakeDependencies(): RetryDependencies & { readonly sleeps: number[] } {
  const sleeps: number[] = [];
  return { sleeps, sleep: async (ms) => void sleeps.push(ms), random: () => 0 };
}

/** A read stream as the client returns it: a Readable with `cancel()`. */
function streamingRead<T>(items: readonly T[] | Error) {
  const readable =
    items instanceof Error
      ? new Readable({
          objectMode: true,
          read() {
            this.destroy(items);
          },
        })
      : Readable.from(items, { objectMode: true });
  return Object.assign(readable, { cancel: jest.fn(async () => undefined) });
}

function resolvedAt(n: number, streamId = 'incident-1', type = 'test.happened.v1'): AllStreamResolvedEvent {
  return {
    event: {
      streamId,
      id: newEvent(n).id,
      isJson: true,
      revision: BigInt(n),
      type,
      created: new Date(0),
      data: { n },
      metadata: { ...metadata },
      position: { commit: BigInt(n * 10), prepare: BigInt(n * 10) },
    },
  };
}

const positionAt = (n: number): Position => ({ commit: BigInt(n * 10), prepare: BigInt(n * 10) });
const numbers = (events: readonly RecordedEvent[]) => events.map((event) => (event.data as { n: number }).n);

/** Wiring of the port's calls to the client's, with the client replaced by a stand-in. */
describe('EsdbEventStore calls to the client', () => {
  const fakeClient = (methods: Partial<Record<keyof EventStoreDBClient, unknown>>) =>
    ({ dispose: async () => undefined, ...methods }) as unknown as EventStoreDBClient;

  it('refuses an empty append without calling the server', async () => {
    const appendToStream = jest.fn();
    const store = new EsdbEventStore(fakeClient({ appendToStream }));
    await expect(store.appendToStream('s', [], { expectedRevision: 'any' })).rejects.toBeInstanceOf(InvalidAppendError);
    expect(appendToStream).not.toHaveBeenCalled();
  });

  it('appends JSON events with the expected revision and returns the next revision and position', async () => {
    const appendToStream = jest.fn(async (_stream: string, _events: unknown, _options: unknown) => ({
      success: true,
      nextExpectedRevision: 4n,
      position: { commit: 90n, prepare: 80n },
    }));
    const store = new EsdbEventStore(fakeClient({ appendToStream }));
    const result = await store.appendToStream('incident-1', [newEvent(1), newEvent(2)], { expectedRevision: 2n });
    expect(result).toEqual({ nextExpectedRevision: 4n, position: { commit: 90n, prepare: 80n } });
    expect(appendToStream).toHaveBeenCalledWith(
      'incident-1',
      [newEvent(1), newEvent(2)].map((event) => ({ ...event, contentType: 'application/json' })),
      { expectedRevision: 2n, requiresLeader: true, deadline: 10_000 },
    );
  });

  it('retries an exact-revision append after the server was unavailable', async () => {
    const appendToStream = jest
      .fn<() => Promise<unknown>>()
      .mockRejectedValueOnce(new UnavailableError(undefined, 'down'))
      .mockResolvedValueOnce({ success: true, nextExpectedRevision: 0n, position: { commit: 1n, prepare: 1n } });
    const dependencies = fakeDependencies();
    const store = new EsdbEventStore(fakeClient({ appendToStream }), { retry, retryDependencies: dependencies });
    await expect(store.appendToStream('s', [newEvent(1)], { expectedRevision: 'no_stream' })).resolves.toMatchObject({
      nextExpectedRevision: 0n,
    });
    expect(appendToStream).toHaveBeenCalledTimes(2);
    expect(dependencies.sleeps).toHaveLength(1);
  });

  it('reports a conflict with the caller’s expectation and the actual revision, unretried', async () => {
    const conflict = new WrongExpectedVersionError(undefined, { streamName: 's', expected: 'no_stream', current: 0n });
    const appendToStream = jest.fn(async () => Promise.reject(conflict));
    const store = new EsdbEventStore(fakeClient({ appendToStream }), { retry, retryDependencies: fakeDependencies() });
    const error = await store
      .appendToStream('s', [newEvent(1)], { expectedRevision: 'no_stream' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WrongExpectedRevisionError);
    expect(error).toMatchObject({ streamId: 's', expected: 'no_stream', actual: 0n });
    expect(appendToStream).toHaveBeenCalledTimes(1);
  });

  it('reads the position of the last event when the server reports none (idempotent append)', async () => {
    const appendToStream = jest.fn(async () => ({ success: true, nextExpectedRevision: 3n, position: undefined }));
    const readStream = jest.fn((_stream: string, _options: unknown) => streamingRead([resolvedAt(3)]));
    const store = new EsdbEventStore(fakeClient({ appendToStream, readStream }));
    const result = await store.appendToStream('incident-1', [newEvent(3)], { expectedRevision: 2n });
    expect(result.position).toEqual(positionAt(3));
    expect(readStream).toHaveBeenCalledWith('incident-1', {
      direction: 'backwards',
      fromRevision: 3n,
      maxCount: 1,
      requiresLeader: true,
    });
  });

  it('reads a stream forwards from the start and backwards from the end by default', async () => {
    const readStream = jest.fn((_stream: string, _options: unknown) => streamingRead([resolvedAt(0), resolvedAt(1)]));
    const store = new EsdbEventStore(fakeClient({ readStream }));
    expect(numbers(await collect(store.readStream('incident-1')))).toEqual([0, 1]);
    await collect(store.readStream('incident-1', { direction: 'backwards' }));
    await collect(store.readStream('incident-1', { fromRevision: 5n, maxCount: 2 }));
    expect(readStream.mock.calls).toEqual([
      ['incident-1', { direction: 'forwards', fromRevision: START, requiresLeader: true }],
      ['incident-1', { direction: 'backwards', fromRevision: END, requiresLeader: true }],
      ['incident-1', { direction: 'forwards', fromRevision: 5n, maxCount: 2, requiresLeader: true }],
    ]);
  });

  it('throws the port’s StreamNotFoundError while iterating a missing stream', async () => {
    const readStream = jest.fn(() => streamingRead(new EsdbStreamNotFoundError(undefined, 'incident-404')));
    const store = new EsdbEventStore(fakeClient({ readStream }));
    const reading = store.readStream('incident-404');
    const error = await collect(reading).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StreamNotFoundError);
    expect(error).toMatchObject({ streamId: 'incident-404' });
  });

  it('filters readAll here, skipping system streams and counting only what it yields, then cancels the read', async () => {
    const read = streamingRead([
      resolvedAt(1, '$stats-node', 'test.happened.v1'),
      resolvedAt(2, 'incident-1'),
      resolvedAt(3, 'change-1'),
      resolvedAt(4, 'incident-2'),
      resolvedAt(5, 'incident-3'),
    ]);
    const readAll = jest.fn((_options: unknown) => read);
    const store = new EsdbEventStore(fakeClient({ readAll }));
    const events = await collect(store.readAll({ filter: { streamPrefixes: ['incident-'] }, maxCount: 2 }));
    expect(numbers(events)).toEqual([2, 4]);
    expect(readAll).toHaveBeenCalledWith({ direction: 'forwards', fromPosition: START, maxCount: 500 });
    expect(read.cancel).toHaveBeenCalled();
  });

  describe('readAll backwards from a position, which the port makes inclusive', () => {
    const log = [1, 2, 3, 4, 5].map((n) => resolvedAt(n));
    /** A server whose backward read starts strictly before the position, or at it. */
    const serverReading = (backwardsIncludesStart: boolean) =>
      jest.fn((options: { direction: string; fromPosition: Position }) => {
        const at = options.fromPosition.commit;
        const commitOf = (event: AllStreamResolvedEvent) => event.event!.position.commit;
        return streamingRead(
          options.direction === 'forwards'
            ? log.filter((event) => commitOf(event) >= at)
            : log.filter((event) => (backwardsIncludesStart ? commitOf(event) <= at : commitOf(event) < at)).reverse(),
        );
      });

    it.each([[false], [true]])('yields the event at the position first (server includes it: %s)', async (includes) => {
      const store = new EsdbEventStore(fakeClient({ readAll: serverReading(includes) }));
      const events = await collect(store.readAll({ direction: 'backwards', fromPosition: positionAt(3) }));
      expect(numbers(events)).toEqual([3, 2, 1]);
    });
  });
});
