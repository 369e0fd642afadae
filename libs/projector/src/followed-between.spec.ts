import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { PostgresEventStore, ensureEventStoreSchema, type Position } from '#event-store';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { nothingFollowedBetween } from './followed-between.js';

const metadata = { actor: 'a', tenant: 't', correlationId: 'c', causationId: 'c', origin: 'system' } as const;

describe(nothingFollowedBetween.name, () => {
  let database: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    database = await createTestDatabase();
    await ensureEventStoreSchema(database.pool);
    store = new PostgresEventStore(database.pool);
  });
  afterAll(async () => {
    await store?.close();
    await database?.drop();
  });
  beforeEach(async () => {
    await database.pool.query('TRUNCATE es_events');
  });

  async function append(kind: 'incident' | 'problem', type: string): Promise<Position> {
    const stream = `${kind}-t-${randomUUID()}`;
    const { position } = await store.appendToStream(stream, [{ id: randomUUID(), type, data: {}, metadata }], { expectedRevision: 'no_stream' });
    return position;
  }

  it('is true when only events of kinds and types the follower ignores lie after its checkpoint', async () => {
    const checkpoint = await append('problem', 'problem.logged.v1');
    await append('incident', 'incident.opened.v1');
    await append('problem', 'problem.assessed.v1');
    const target = await append('incident', 'incident.opened.v1');
    await expect(nothingFollowedBetween(store, { problem: ['ProblemResolved'] }, checkpoint, target)).resolves.toBe(true);
    await expect(nothingFollowedBetween(store, { change: 'all' }, checkpoint, target)).resolves.toBe(true);
  });

  it('is false when an event it follows lies between, and true again once the checkpoint passes it', async () => {
    const checkpoint = await append('incident', 'incident.opened.v1');
    const followed = await append('problem', 'problem.logged.v1');
    const target = await append('incident', 'incident.opened.v1');
    await expect(nothingFollowedBetween(store, { problem: 'all' }, checkpoint, target)).resolves.toBe(false);
    await expect(nothingFollowedBetween(store, { problem: ['ProblemLogged'] }, checkpoint, target)).resolves.toBe(false);
    await expect(nothingFollowedBetween(store, { problem: 'all' }, followed, target)).resolves.toBe(true);
  });

  it('counts the target itself, and looks no further than it', async () => {
    const checkpoint = await append('incident', 'incident.opened.v1');
    const target = await append('problem', 'problem.logged.v1');
    await append('problem', 'problem.logged.v1');
    await expect(nothingFollowedBetween(store, { problem: 'all' }, checkpoint, target)).resolves.toBe(false);
    await expect(nothingFollowedBetween(store, { problem: 'all' }, target, target)).resolves.toBe(true);
  });

  it('decides nothing while an older transaction could still add events before the target', async () => {
    const checkpoint = await append('incident', 'incident.opened.v1');
    const older = new pg.Client({ connectionString: database.url });
    await older.connect();
    try {
      await older.query('BEGIN');
      await older.query('SELECT pg_current_xact_id()');
      const target = await append('incident', 'incident.opened.v1');
      await expect(nothingFollowedBetween(store, { problem: 'all' }, checkpoint, target)).resolves.toBe(false);
      await older.query('COMMIT');
      await expect(nothingFollowedBetween(store, { problem: 'all' }, checkpoint, target)).resolves.toBe(true);
    } finally {
      await older.end();
    }
  });
});
