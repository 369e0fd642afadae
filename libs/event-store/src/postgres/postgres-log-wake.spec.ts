import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import type { EventMetadata } from '#events';
import { collect, takeFromSubscription } from '../../../../test/support/async-iterables.js';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import type { NewEvent } from '../event-store.port.js';
import { APPEND_CHANNEL } from './append-announcer.js';
import { ensureEventStoreSchema } from './event-store-schema.js';
import { PostgresEventStore } from './postgres-event-store.js';

const metadata: EventMetadata = { actor: 'u', tenant: 't', correlationId: 'c', causationId: 'c', origin: 'system' };
/** Long enough that no subscription here receives anything by polling. */
const NEVER = { pollIntervalMs: 600_000 };

function newEvent(): NewEvent {
  return { id: randomUUID(), type: 'test.woken.v1', data: {}, metadata };
}

/** Resolves once `count` sessions of this database are listening for appends. */
async function listeners(pool: pg.Pool, count: number): Promise<void> {
  for (let attempt = 0; attempt < 1_000; attempt += 1) {
    const { rows } = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query = $1`,
      [`LISTEN ${APPEND_CHANNEL}`],
    );
    if (rows[0]!.n >= count) return;
    await delay(10);
  }
  throw new Error(`Fewer than ${count} sessions listen for appends`);
}

describe('PostgresEventStore waking subscriptions', () => {
  let database: TestDatabase;
  /** Two stores on pools of their own, as an API process and a projector process hold them. */
  let apiPool: pg.Pool;
  let api: PostgresEventStore;
  let projector: PostgresEventStore;

  beforeAll(async () => {
    database = await createTestDatabase(4);
    await ensureEventStoreSchema(database.pool);
    apiPool = new pg.Pool({ connectionString: database.url, max: 4 });
    api = new PostgresEventStore(apiPool, NEVER);
    projector = new PostgresEventStore(database.pool, NEVER);
  });
  afterAll(async () => {
    await api?.close();
    await projector?.close();
    await apiPool?.end();
    await database?.drop();
  });

  it("wakes another process's subscriber when an append commits", async () => {
    const prefix = `woken-${randomUUID()}-`;
    const subscription = projector.subscribeToAll({ filter: { streamPrefixes: [prefix] } });
    const received = takeFromSubscription(subscription, 1);
    await listeners(database.pool, 1);

    const appended = await api.appendToStream(`${prefix}a`, [newEvent()], { expectedRevision: 'no_stream' });

    expect((await received).map((event) => event.position)).toEqual([appended.position]);
  });

  it('yields an append made behind an open transaction once that transaction ends, with no further append', async () => {
    const prefix = `held-${randomUUID()}-`;
    const holder = new pg.Client({ connectionString: database.url });
    await holder.connect();
    try {
      const subscriptions = [api, projector].map((store) => store.subscribeToAll({ filter: { streamPrefixes: [prefix] } }));
      const yielded: string[] = [];
      const received = subscriptions.map((subscription) =>
        takeFromSubscription(subscription, 1).then((events) => yielded.push(...events.map((event) => event.id))),
      );
      await listeners(database.pool, 2);
      await holder.query('BEGIN');
      await holder.query('SELECT pg_current_xact_id()');

      const event = newEvent();
      await api.appendToStream(`${prefix}a`, [event], { expectedRevision: 'no_stream' });
      // Long enough for several of the subscriptions' reads; too short would only let the test pass.
      await delay(300);
      expect(yielded).toEqual([]);
      await expect(collect(api.readAll({ filter: { streamPrefixes: [prefix] } }))).resolves.toEqual([]);

      await holder.query('COMMIT');
      await Promise.all(received);
      expect(yielded).toEqual([event.id, event.id]);
    } finally {
      await holder.end();
    }
  });

  it('lets go of its listening connection when the last subscription ends', async () => {
    const subscription = projector.subscribeToAll({ filter: { streamPrefixes: [`idle-${randomUUID()}-`] } });
    const iteration = collect(subscription);
    await listeners(database.pool, 1);
    await subscription.close();
    await expect(iteration).resolves.toEqual([]);
    expect(database.pool.totalCount - database.pool.idleCount).toBe(0);
  });
});
