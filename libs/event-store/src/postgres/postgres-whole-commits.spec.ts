import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { EventMetadata } from '#events';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import type { NewEvent, RecordedEvent } from '../event-store.port.js';
import { ensureEventStoreSchema } from './event-store-schema.js';
import { PostgresEventStore } from './postgres-event-store.js';

const metadata: EventMetadata = { actor: 'u', tenant: 't', correlationId: 'c', causationId: 'c', origin: 'system' };

const events = (count: number): NewEvent[] =>
  Array.from({ length: count }, () => ({ id: randomUUID(), type: 'test.counted.v1', data: {}, metadata }));

describe('PostgresEventStore subscriptions telling where commits end', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    await ensureEventStoreSchema(database.pool);
  });
  afterAll(async () => {
    await database?.drop();
  });

  /** Each event a subscription yields, with what it said of the event's commit as it yielded it. */
  async function whole(store: PostgresEventStore, count: number): Promise<[string, boolean][]> {
    const subscription = store.subscribeToAll();
    const seen: [string, boolean][] = [];
    try {
      for await (const event of subscription as AsyncIterable<RecordedEvent>) {
        seen.push([event.streamId.slice(-1) + event.revision, subscription.endsWholeCommit?.(event.position) ?? false]);
        if (seen.length === count) break;
      }
    } finally {
      await subscription.close();
    }
    return seen;
  }

  it('vouches for the last event of a read that reached the end of the log, never for one a page cut short', async () => {
    const store = new PostgresEventStore(database.pool, { pageSize: 2 });
    await store.appendToStream(`incident-t-${randomUUID().slice(0, -1)}a`, events(3), { expectedRevision: 'no_stream' });
    await store.appendToStream(`incident-t-${randomUUID().slice(0, -1)}b`, events(1), { expectedRevision: 'no_stream' });
    // Pages of two: [a0 a1] cut short, [a2 b0] cut short, [] ... so nothing is vouched for but
    // what a short page ends with.
    expect(await whole(store, 4)).toEqual([
      ['a0', false],
      ['a1', false],
      ['a2', false],
      ['b0', false],
    ]);
    const roomy = new PostgresEventStore(database.pool, { pageSize: 10 });
    expect(await whole(roomy, 4)).toEqual([
      ['a0', false],
      ['a1', false],
      ['a2', false],
      ['b0', true],
    ]);
    await store.close();
    await roomy.close();
  });
});
