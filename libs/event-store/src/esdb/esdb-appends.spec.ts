import { describe, expect, it, jest } from '@jest/globals';
import {
  NotLeaderError,
  StreamNotFoundError as EsdbStreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError,
  type EventStoreDBClient,
} from '@eventstore/db-client';
import { Metadata } from '@grpc/grpc-js';
import type { EventMetadata } from '#events';
import { productEvent, serverRead } from '../../../../test/support/esdb-wire-events.js';
import { EventStoreUnavailableError, WrongExpectedRevisionError } from '../event-store.errors.js';
import type { NewEvent } from '../event-store.port.js';
import { ESDB_IDENTITY_STREAM, EsdbEventStore } from './esdb-event-store.js';
import type { RetryDependencies, RetryPolicy } from './esdb-retry.js';

const metadata: EventMetadata = { actor: 'user-1', tenant: 'acme', correlationId: 'corr-1', causationId: 'cmd-1', origin: 'interactive' };
const retry: RetryPolicy = { maxAttempts: 3, initialDelayMs: 10, maxDelayMs: 100 };

/** The product event the wire helper sends at `position`, as the adapter was asked to append it. */
function newEvent(position: bigint): NewEvent {
  const wire = productEvent(position);
  return { id: wire.id!, type: wire.type, data: wire.data, metadata };
}

function fakeDependencies(): RetryDependencies & { readonly sleeps: number[] } {
  const sleeps: number[] = [];
  return { sleeps, sleep: async (ms) => void sleeps.push(ms), random: () => 0 };
}

const fakeClient = (methods: Partial<Record<keyof EventStoreDBClient, unknown>>) =>
  ({ dispose: jest.fn(async () => undefined), ...methods }) as unknown as EventStoreDBClient & {
    dispose: jest.Mock;
  };

function notLeader(): NotLeaderError {
  const headers = new Metadata();
  headers.set('exception', 'not-leader');
  headers.set('leader-endpoint-host', 'node-2');
  headers.set('leader-endpoint-port', '2113');
  return new NotLeaderError(Object.assign(new Error('5 Leader info available'), { code: 5, details: '', metadata: headers }) as never);
}

const conflict = (expected: bigint | 'no_stream', current: bigint) =>
  new WrongExpectedVersionError(undefined, { streamName: 'incident-acme-1', expected, current });

/** An append that never answers; only our own timer can end it. */
const silentAppend = () => new Promise<never>(() => undefined);

describe('EsdbEventStore appends against a cluster', () => {
  it('sends every append to the leader, with a deadline below our own timeout', async () => {
    const appendToStream = jest.fn((_stream: string, _events: unknown, _options: unknown) => silentAppend());
    const store = new EsdbEventStore(fakeClient({ appendToStream }), {
      operationTimeoutMs: 40,
      retry: { ...retry, maxAttempts: 1 },
    });
    const error = await store
      .appendToStream('incident-acme-1', [newEvent(10n)], { expectedRevision: 0n })
      .catch((e: unknown) => e);
    expect(appendToStream).toHaveBeenCalledWith('incident-acme-1', expect.anything(), {
      expectedRevision: 0n,
      requiresLeader: true,
      deadline: 40,
    });
    expect(error).toBeInstanceOf(EventStoreUnavailableError);
    expect((error as Error).message).toMatch(/within 80 ms/);
  });

  it.each([['stream_exists' as const], ['any' as const]])(
    'does not resend an append expecting %s whose outcome is unknown (it could be written twice)',
    async (expectedRevision) => {
      const appendToStream = jest.fn(async () => Promise.reject(new UnavailableError(undefined, 'connection dropped')));
      const dependencies = fakeDependencies();
      const store = new EsdbEventStore(fakeClient({ appendToStream }), { retry, retryDependencies: dependencies });
      await expect(store.appendToStream('s', [newEvent(10n)], { expectedRevision })).rejects.toBeInstanceOf(
        EventStoreUnavailableError,
      );
      expect(appendToStream).toHaveBeenCalledTimes(1);
      expect(dependencies.sleeps).toEqual([]);
    },
  );

  it.each([[4n], ['no_stream' as const], ['stream_exists' as const], ['any' as const]])(
    'resends an append expecting %s that a follower refused (nothing was written)',
    async (expectedRevision) => {
      const appendToStream = jest
        .fn<() => Promise<unknown>>()
        .mockRejectedValueOnce(notLeader())
        .mockResolvedValueOnce({ success: true, nextExpectedRevision: 5n, position: { commit: 10n, prepare: 10n } });
      const store = new EsdbEventStore(fakeClient({ appendToStream }), { retry, retryDependencies: fakeDependencies() });
      await expect(store.appendToStream('s', [newEvent(10n)], { expectedRevision })).resolves.toMatchObject({
        nextExpectedRevision: 5n,
      });
      expect(appendToStream).toHaveBeenCalledTimes(2);
    },
  );

  describe('an append that times out and whose retry then conflicts', () => {
    it('reports the first attempt’s write when the stream holds our events right after the expected revision', async () => {
      const appendToStream = jest
        .fn<() => Promise<unknown>>()
        .mockImplementationOnce(silentAppend)
        .mockRejectedValueOnce(conflict(4n, 6n));
      const readStream = jest.fn((_stream: string, _options: unknown) =>
        serverRead([productEvent(10n, 'incident-acme-1', 5n), productEvent(20n, 'incident-acme-1', 6n)]),
      );
      const store = new EsdbEventStore(fakeClient({ appendToStream, readStream }), {
        operationTimeoutMs: 20,
        retry,
        retryDependencies: fakeDependencies(),
      });
      const result = await store.appendToStream('incident-acme-1', [newEvent(10n), newEvent(20n)], { expectedRevision: 4n });
      expect(result).toEqual({ nextExpectedRevision: 6n, position: { commit: 20n, prepare: 20n } });
      expect(readStream).toHaveBeenCalledWith('incident-acme-1', expect.objectContaining({ fromRevision: 5n, maxCount: 2 }));
    });

    it('reports the conflict when someone else’s events are there', async () => {
      const appendToStream = jest
        .fn<() => Promise<unknown>>()
        .mockImplementationOnce(silentAppend)
        .mockRejectedValueOnce(conflict('no_stream', 0n));
      const readStream = jest.fn(() => serverRead([productEvent(99n, 'incident-acme-1', 0n)]));
      const store = new EsdbEventStore(fakeClient({ appendToStream, readStream }), {
        operationTimeoutMs: 20,
        retry,
        retryDependencies: fakeDependencies(),
      });
      const error = await store
        .appendToStream('incident-acme-1', [newEvent(10n)], { expectedRevision: 'no_stream' })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect(error).toMatchObject({ expected: 'no_stream', actual: 0n });
      expect((error as Error).cause).toBeInstanceOf(WrongExpectedVersionError);
    });

    it('does not look when the first attempt was refused outright', async () => {
      const appendToStream = jest
        .fn<() => Promise<unknown>>()
        .mockRejectedValueOnce(notLeader())
        .mockRejectedValueOnce(conflict(4n, 6n));
      const readStream = jest.fn();
      const store = new EsdbEventStore(fakeClient({ appendToStream, readStream }), { retry, retryDependencies: fakeDependencies() });
      await expect(store.appendToStream('s', [newEvent(10n)], { expectedRevision: 4n })).rejects.toBeInstanceOf(
        WrongExpectedRevisionError,
      );
      expect(readStream).not.toHaveBeenCalled();
    });
  });

  it('lets appends in flight finish before disposing the client on close, and refuses new ones', async () => {
    let answer!: (value: unknown) => void;
    const appendToStream = jest.fn(() => new Promise((resolve) => (answer = resolve)));
    const client = fakeClient({ appendToStream });
    const store = new EsdbEventStore(client);
    const inFlight = store.appendToStream('s', [newEvent(10n)], { expectedRevision: 'no_stream' });
    const closing = store.close();
    await expect(store.appendToStream('s', [newEvent(20n)], { expectedRevision: 0n })).rejects.toBeInstanceOf(
      EventStoreUnavailableError,
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(client.dispose).not.toHaveBeenCalled();
    answer({ success: true, nextExpectedRevision: 0n, position: { commit: 10n, prepare: 10n } });
    await expect(inFlight).resolves.toMatchObject({ nextExpectedRevision: 0n });
    await closing;
    expect(client.dispose).toHaveBeenCalled();
  });
});

describe('EsdbEventStore identity', () => {
  it('writes an instance id once, when the store has none, and remembers it', async () => {
    const readStream = jest.fn(() => {
      const read = serverRead([]);
      setImmediate(() => read.destroy(new EsdbStreamNotFoundError(undefined, ESDB_IDENTITY_STREAM)));
      return read;
    });
    const appendToStream = jest.fn(async (_stream: string, _events: unknown, _options: unknown) => ({
      success: true,
      nextExpectedRevision: 0n,
      position: { commit: 1n, prepare: 1n },
    }));
    const store = new EsdbEventStore(fakeClient({ readStream, appendToStream }));
    const identity = await store.identity();
    expect(identity).toMatchObject({ kind: 'eventstoredb', instanceId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(appendToStream).toHaveBeenCalledWith(
      ESDB_IDENTITY_STREAM,
      [expect.objectContaining({ type: 'store.identity.v1', data: { instanceId: identity.instanceId } })],
      expect.objectContaining({ expectedRevision: 'no_stream' }),
    );
    await expect(store.identity()).resolves.toEqual(identity);
    expect(readStream).toHaveBeenCalledTimes(1);
  });

  it('adopts the id another process wrote first', async () => {
    const winner = { ...productEvent(5n, ESDB_IDENTITY_STREAM), type: 'store.identity.v1', data: { instanceId: 'b7e4c1de-0000-4000-8000-000000000001' } };
    const readStream = jest
      .fn<() => unknown>()
      .mockImplementationOnce(() => {
        const read = serverRead([]);
        setImmediate(() => read.destroy(new EsdbStreamNotFoundError(undefined, ESDB_IDENTITY_STREAM)));
        return read;
      })
      .mockImplementationOnce(() => serverRead([winner]));
    const appendToStream = jest.fn(async () => Promise.reject(conflict('no_stream', 0n)));
    const store = new EsdbEventStore(fakeClient({ readStream, appendToStream }));
    await expect(store.identity()).resolves.toEqual({ kind: 'eventstoredb', instanceId: winner.data.instanceId });
  });
});
