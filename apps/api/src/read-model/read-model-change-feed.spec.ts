import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { READ_MODEL_CHANNEL, type ReadModelChange } from '#read-model';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { ReadModelChangeFeed, SubscriberTooSlowError } from './read-model-change-feed.js';

function change(position: number): ReadModelChange {
  return { projection: 'incidents', position: String(position).padStart(32, '0'), records: [] };
}

describe(ReadModelChangeFeed.name, () => {
  let database: TestDatabase;
  let sut: ReadModelChangeFeed;

  beforeAll(async () => {
    database = await createTestDatabase(2);
    sut = new ReadModelChangeFeed(database.url);
    await sut.onModuleInit();
  });
  afterAll(async () => {
    await sut?.onModuleDestroy();
    await database?.drop();
  });

  async function notify(...changes: ReadModelChange[]): Promise<void> {
    for (const each of changes) {
      await database.pool.query('SELECT pg_notify($1, $2)', [READ_MODEL_CHANNEL, JSON.stringify(each)]);
    }
  }

  async function next(iterator: AsyncGenerator<ReadModelChange>): Promise<ReadModelChange> {
    const result = await iterator.next();
    if (result.done) throw new Error('the feed ended');
    return result.value;
  }

  it('delivers the changes committed after subscribing, in order', async () => {
    const stop = new AbortController();
    const changes = sut.changes(stop.signal);
    await notify(change(1), change(2));
    expect(await next(changes)).toEqual(change(1));
    expect(await next(changes)).toEqual(change(2));
    stop.abort();
    await expect(changes.next()).resolves.toMatchObject({ done: true });
  });

  it('ends a subscriber that lets too many changes pile up, instead of queueing without bound', async () => {
    const stop = new AbortController();
    const changes = sut.changes(stop.signal, 3);
    const keeping = sut.changes(stop.signal);
    await notify(change(1), change(2), change(3), change(4), change(5));
    for (const position of [1, 2, 3, 4, 5]) expect(await next(keeping)).toEqual(change(position));
    await expect(changes.next()).rejects.toBeInstanceOf(SubscriberTooSlowError);
    stop.abort();
  });
});
