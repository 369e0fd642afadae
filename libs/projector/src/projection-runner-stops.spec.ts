import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { EventStoreDBClient } from '@eventstore/db-client';
import {
  ESDB_IDENTITY_STREAM,
  EsdbEventStore,
  PostgresEventStore,
  encodePositionToken,
  ensureEventStoreSchema,
  type Position,
  type RecordedEvent,
} from '#event-store';
import { ensureReadModelSchema, loadCheckpoint, type Projection } from '#read-model';
import { captureLogs } from '../../../test/support/captured-logs.js';
import {
  INCIDENT_STREAM,
  productEvent,
  serverRead,
  serverSubscription,
  systemEvents,
  type WireEvent,
} from '../../../test/support/esdb-wire-events.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { ProjectionRunner } from './projection-runner.js';
import { resetProjection } from './rebuild.js';
import { skipForeignEvent } from './skip-foreign-event.js';

const INSTANCE_ID = '3f2a1b0c-0000-4000-8000-00000000abcd';
const ESDB_STORE = { kind: 'eventstoredb' as const, instanceId: INSTANCE_ID };

/** Remembers what it applied; the read model itself is beside the point here. */
function recordingProjection(): Projection & { readonly applied: bigint[] } {
  const applied: bigint[] = [];
  return {
    name: 'recording',
    follows: { incident: 'all' },
    applied,
    async applyBatch(events: readonly RecordedEvent[]) {
      applied.push(...events.map((event) => event.position.commit));
      return [];
    },
    reset: async () => void applied.splice(0),
  };
}

/** An EventStoreDB as the client sees it, serving `log` (and the store's identity) the way a server does. */
function esdbServing(log: readonly WireEvent[]) {
  const identity: WireEvent = {
    ...productEvent(1n, ESDB_IDENTITY_STREAM),
    type: 'store.identity.v1',
    data: { instanceId: INSTANCE_ID },
  };
  const after = (from: unknown) =>
    typeof from === 'object' && from !== null ? (from as Position).commit : -1n;
  const subscribeToAll = jest.fn((options: { fromPosition: unknown }) =>
    serverSubscription(log.filter((event) => event.position > after(options.fromPosition))),
  );
  const readAll = jest.fn((options: { fromPosition: unknown; maxCount?: number; direction: string }) =>
    serverRead(
      log.filter((event) => event.position >= after(options.fromPosition)).slice(0, options.maxCount ?? log.length),
    ),
  );
  const client = {
    subscribeToAll,
    readAll,
    readStream: jest.fn(() => serverRead([identity])),
    dispose: async () => undefined,
  } as unknown as EventStoreDBClient;
  return { store: new EsdbEventStore(client), subscribeToAll };
}

/** Another writer's event in a record stream, without the product's envelope. */
const foreign = (position: bigint): WireEvent => ({
  streamId: 'incident-acme-9',
  type: 'IncidentImported',
  position,
  data: { legacy: true },
  id: `0f0f0f0f-0000-4000-8000-${position.toString().padStart(12, '0')}`,
});

async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Runs the runner while `work` runs and always stops it: one left going outlives the database. */
async function whileRunning(runner: ProjectionRunner, work: () => Promise<void>): Promise<void> {
  const stop = new AbortController();
  const running = runner.run(stop.signal);
  try {
    await work();
  } finally {
    stop.abort();
    await running;
  }
}

describe('ProjectionRunner stopped by what it must not guess about', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    await ensureEventStoreSchema(database.pool);
    await ensureReadModelSchema(database.pool, []);
  });
  afterAll(async () => {
    await database?.drop();
  });
  beforeEach(async () => {
    await database.pool.query('TRUNCATE projection_checkpoints, es_events');
  });

  describe('a foreign event', () => {
    const log = [
      systemEvents.scavengeSettings(5n),
      productEvent(10n, INCIDENT_STREAM, 0n),
      productEvent(20n, INCIDENT_STREAM, 1n),
      foreign(30n),
      productEvent(40n, INCIDENT_STREAM, 2n),
    ];

    it('subscribes to record streams only, filtered by the server', async () => {
      const { store, subscribeToAll } = esdbServing([productEvent(10n)]);
      const projection = recordingProjection();
      const runner = new ProjectionRunner(projection, store, database.pool, { retryDelayMs: 10 });
      await whileRunning(runner, () => until(() => projection.applied.length === 1, 'the event is applied'));
      expect(subscribeToAll.mock.calls[0]![0]).toMatchObject({
        filter: { filterOn: 'streamName', prefixes: ['incident-', 'problem-', 'change-', 'service-account-', 'template-'] },
      });
    });

    it('stops the projection after what precedes it, reported once, until an operator skips it', async () => {
      const { store } = esdbServing(log);
      const projection = recordingProjection();
      const runner = new ProjectionRunner(projection, store, database.pool, { retryDelayMs: 10, blockedRetryMs: 10 });
      const logs = captureLogs();
      try {
        await whileRunning(runner, async () => {
          const foreignAt = encodePositionToken({ commit: 30n, prepare: 30n }, ESDB_STORE);
          await until(() => runner.status().blockedAt !== undefined, 'the runner reports the foreign event');
          expect(runner.status()).toMatchObject({ blockedAt: foreignAt, lastError: expect.stringContaining('IncidentImported') });
          expect(projection.applied).toEqual([10n, 20n]);
          expect((await loadCheckpoint(database.pool, 'recording'))?.position.commit).toBe(20n);

          // It keeps looking, without repeating itself in the log.
          await new Promise((resolve) => setTimeout(resolve, 100));
          expect(projection.applied).toEqual([10n, 20n]);
          const errors = logs.entries.filter((entry) => entry.level === 'error');
          expect(errors).toEqual([
            { level: 'error', message: expect.stringContaining(`projector skip-foreign-event ${foreignAt} recording`) },
          ]);

          await expect(skipForeignEvent(database.pool, store, 'recording', foreignAt)).resolves.toEqual({ skipped: true });
          await until(() => runner.status().position === encodePositionToken({ commit: 40n, prepare: 40n }, ESDB_STORE), 'the projection resumes');
          expect(projection.applied).toEqual([10n, 20n, 40n]);
          expect(runner.status().blockedAt).toBeUndefined();
        });
      } finally {
        logs.restore();
      }
    });

    it('is the only event a skip moves past', async () => {
      const { store } = esdbServing(log);
      const at = (commit: bigint) => encodePositionToken({ commit, prepare: commit }, ESDB_STORE);
      // Nothing applied yet: the product events before the foreign one come first.
      await expect(skipForeignEvent(database.pool, store, 'recording', at(30n))).resolves.toMatchObject({
        skipped: false,
        reason: expect.stringContaining('a product event'),
      });
      await expect(skipForeignEvent(database.pool, store, 'recording', 'pg.00000000.' + '0'.repeat(32))).rejects.toThrow(
        /another event store/,
      );
      expect(await loadCheckpoint(database.pool, 'recording')).toBeUndefined();
    });
  });

  describe('a checkpoint of another store', () => {
    let store: PostgresEventStore;
    beforeAll(() => {
      store = new PostgresEventStore(database.pool);
    });

    const appendOne = () =>
      store.appendToStream(
        `incident-t-${randomUUID()}`,
        [
          {
            id: randomUUID(),
            type: 'test.counted.v1',
            data: {},
            metadata: { actor: 'a', tenant: 't', correlationId: 'c', causationId: 'c', origin: 'system' },
          },
        ],
        { expectedRevision: 'no_stream' },
      );

    it('is refused, naming both stores and the rebuild, until the projection is rebuilt', async () => {
      const appended = await appendOne();
      await database.pool.query(
        `INSERT INTO projection_checkpoints (projection, commit_position, prepare_position, store_kind, store_instance)
         VALUES ('recording', 99999, 99999, 'eventstoredb', $1)`,
        [INSTANCE_ID],
      );
      const projection = recordingProjection();
      const runner = new ProjectionRunner(projection, store, database.pool, { retryDelayMs: 10, blockedRetryMs: 10 });
      const logs = captureLogs();
      try {
        await whileRunning(runner, async () => {
          await until(() => runner.status().lastError !== undefined, 'the runner refuses the checkpoint');
          expect(runner.status().lastError).toMatch(/belongs to eventstoredb store 3f2a1b0c.*names postgres store.*projector rebuild recording/);
          expect(projection.applied).toEqual([]);

          await resetProjection(database.pool, projection);
          // The batch is applied before its transaction, with the checkpoint, commits.
          await until(
            async () => (await loadCheckpoint(database.pool, 'recording'))?.store !== undefined,
            'the rebuilt projection replays this store',
          );
          expect(projection.applied).toEqual([appended.position.commit]);
          const checkpoint = await loadCheckpoint(database.pool, 'recording');
          expect(checkpoint?.store).toEqual(await store.identity());
        });
      } finally {
        logs.restore();
      }
    });

    it('is not assumed of a checkpoint written before stores were recorded: it resumes and records its store', async () => {
      const first = await appendOne();
      const second = await appendOne();
      await database.pool.query(
        `INSERT INTO projection_checkpoints (projection, commit_position, prepare_position) VALUES ('recording', $1, $2)`,
        [first.position.commit.toString(), first.position.prepare.toString()],
      );
      const projection = recordingProjection();
      const runner = new ProjectionRunner(projection, store, database.pool, { retryDelayMs: 10 });
      await whileRunning(runner, () =>
        until(
          async () => (await loadCheckpoint(database.pool, 'recording'))?.position.commit === second.position.commit,
          'the runner resumes and commits',
        ),
      );
      expect(projection.applied).toEqual([second.position.commit]);
      expect((await loadCheckpoint(database.pool, 'recording'))?.store).toEqual(await store.identity());
    });
  });
});
