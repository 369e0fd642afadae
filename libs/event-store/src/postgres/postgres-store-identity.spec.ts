import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { ensureEventStoreSchema } from './event-store-schema.js';
import { PostgresEventStore } from './postgres-event-store.js';

describe('PostgresEventStore identity', () => {
  let first: TestDatabase;
  let second: TestDatabase;

  beforeAll(async () => {
    [first, second] = await Promise.all([createTestDatabase(2), createTestDatabase(2)]);
    await Promise.all([ensureEventStoreSchema(first.pool), ensureEventStoreSchema(second.pool)]);
  });
  afterAll(async () => {
    await first?.drop();
    await second?.drop();
  });

  it('is set up with the schema and stays the same across set-ups and store objects', async () => {
    const identity = await new PostgresEventStore(first.pool).identity();
    expect(identity).toEqual({ kind: 'postgres', instanceId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    await ensureEventStoreSchema(first.pool);
    await expect(new PostgresEventStore(first.pool).identity()).resolves.toEqual(identity);
  });

  it('differs between two databases', async () => {
    const [a, b] = await Promise.all([
      new PostgresEventStore(first.pool).identity(),
      new PostgresEventStore(second.pool).identity(),
    ]);
    expect(a.instanceId).not.toBe(b.instanceId);
  });

  it('answers a ping without reading the log', async () => {
    await expect(new PostgresEventStore(first.pool).ping()).resolves.toBeUndefined();
  });
});
