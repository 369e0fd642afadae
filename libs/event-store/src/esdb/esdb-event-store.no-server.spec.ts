import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { EventMetadata } from '#events';
import { collect } from '../../../../test/support/async-iterables.js';
import { EventStoreUnavailableError } from '../event-store.errors.js';
import type { NewEvent } from '../event-store.port.js';
import { EsdbEventStore } from './esdb-event-store.js';
import type { RetryDependencies, RetryPolicy } from './esdb-retry.js';

const metadata: EventMetadata = { actor: 'u', tenant: 't', correlationId: 'c', causationId: 'c', origin: 'system' };
const retry: RetryPolicy = { maxAttempts: 3, initialDelayMs: 10, maxDelayMs: 100 };
const event: NewEvent = { id: '00000000-0000-4000-8000-000000000001', type: 'test.happened.v1', data: {}, metadata };

/** Counts the backoff waits and skips them. */
function fakeDependencies(): RetryDependencies & { readonly sleeps: number[] } {
  const sleeps: number[] = [];
  return { sleeps, sleep: async (ms) => void sleeps.push(ms), random: () => 0 };
}

/**
 * The real client, pointed at ports where no EventStoreDB answers: one that refuses connections
 * and one that accepts them and then stays silent. This is the behaviour a server-less machine can
 * check honestly.
 */
describe('EsdbEventStore with the real client and no server', () => {
  let closedPort: number;
  let silent: Server;
  let silentPort: number;
  const sockets = new Set<Socket>();

  beforeEach(async () => {
    closedPort = await freePort();
    silent = createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    silentPort = (silent.address() as { port: number }).port;
  });

  afterEach(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  const storeAt = (port: number, dependencies: RetryDependencies, operationTimeoutMs = 5_000) =>
    new EsdbEventStore(`esdb://127.0.0.1:${port}?tls=false`, {
      operationTimeoutMs,
      retry,
      resubscribe: retry,
      retryDependencies: dependencies,
    });

  it('reports a refused connection as EventStoreUnavailableError after bounded retries', async () => {
    const dependencies = fakeDependencies();
    const store = storeAt(closedPort, dependencies);
    try {
      const error = await store
        .appendToStream('s', [event], { expectedRevision: 'no_stream' })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EventStoreUnavailableError);
      expect((error as Error).cause).toMatchObject({ code: 14 });
      expect(dependencies.sleeps).toHaveLength(retry.maxAttempts - 1);
    } finally {
      await store.close();
    }
  });

  it('does not retry an append expecting any after a failure of unknown outcome', async () => {
    const dependencies = fakeDependencies();
    const store = storeAt(closedPort, dependencies);
    try {
      await expect(store.appendToStream('s', [event], { expectedRevision: 'any' })).rejects.toBeInstanceOf(
        EventStoreUnavailableError,
      );
      expect(dependencies.sleeps).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('times out an append to a server that never answers', async () => {
    const store = storeAt(silentPort, fakeDependencies(), 150);
    try {
      const started = Date.now();
      await expect(store.appendToStream('s', [event], { expectedRevision: 0n })).rejects.toThrow(
        /no answer from EventStoreDB within 300 ms/,
      );
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await store.close();
    }
  });

  it('fails a read of an unreachable server while iterating', async () => {
    const store = storeAt(closedPort, fakeDependencies());
    try {
      await expect(collect(store.readStream('s'))).rejects.toBeInstanceOf(EventStoreUnavailableError);
      await expect(collect(store.readAll())).rejects.toBeInstanceOf(EventStoreUnavailableError);
    } finally {
      await store.close();
    }
  });

  it('resubscribes to an unreachable server a bounded number of times, then fails iteration', async () => {
    const dependencies = fakeDependencies();
    const store = storeAt(closedPort, dependencies);
    try {
      await expect(collect(store.subscribeToAll({ filter: { streamPrefixes: ['incident-'] } }))).rejects.toBeInstanceOf(
        EventStoreUnavailableError,
      );
      expect(dependencies.sleeps).toHaveLength(retry.maxAttempts - 1);
    } finally {
      await store.close();
    }
  });

  it('gives up a subscription the server never confirms after bounded resubscriptions', async () => {
    const dependencies = fakeDependencies();
    const store = storeAt(silentPort, dependencies, 100);
    try {
      await expect(collect(store.subscribeToAll())).rejects.toBeInstanceOf(EventStoreUnavailableError);
      expect(dependencies.sleeps).toHaveLength(retry.maxAttempts - 1);
    } finally {
      await store.close();
    }
  });

  it('ends a waiting subscription when the store closes', async () => {
    const store = storeAt(silentPort, fakeDependencies());
    const iteration = collect(store.subscribeToAll());
    await new Promise((resolve) => setTimeout(resolve, 50));
    await store.close();
    await expect(iteration).resolves.toEqual([]);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
