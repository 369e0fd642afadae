import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { READ_MODEL_CHANNEL, type ReadModelUpdate } from '#read-model';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { ReadModelUpdateFeed, SubscriberTooSlowError } from './read-model-update-feed.js';

function update(position: number): ReadModelUpdate {
  return { projection: 'incidents', position: String(position).padStart(32, '0'), records: [] };
}

describe(ReadModelUpdateFeed.name, () => {
  let database: TestDatabase;
  let sut: ReadModelUpdateFeed;

  beforeAll(async () => {
    database = await createTestDatabase(2);
    sut = new ReadModelUpdateFeed(database.url);
    await sut.onModuleInit();
  });
  afterAll(async () => {
    await sut?.onModuleDestroy();
    await database?.drop();
  });

  async function notify(...updates: ReadModelUpdate[]): Promise<void> {
    for (const each of updates) {
      await database.pool.query('SELECT pg_notify($1, $2)', [READ_MODEL_CHANNEL, JSON.stringify(each)]);
    }
  }

  async function next(iterator: AsyncGenerator<ReadModelUpdate>): Promise<ReadModelUpdate> {
    const result = await iterator.next();
    if (result.done) throw new Error('the feed ended');
    return result.value;
  }

  it('delivers the updates committed after subscribing, in order', async () => {
    const stop = new AbortController();
    const updates = sut.updates(stop.signal);
    await notify(update(1), update(2));
    expect(await next(updates)).toEqual(update(1));
    expect(await next(updates)).toEqual(update(2));
    stop.abort();
    await expect(updates.next()).resolves.toMatchObject({ done: true });
  });

  it('ends a subscriber that lets too many updates pile up, instead of queueing without bound', async () => {
    const stop = new AbortController();
    const updates = sut.updates(stop.signal, 3);
    const keeping = sut.updates(stop.signal);
    await notify(update(1), update(2), update(3), update(4), update(5));
    for (const position of [1, 2, 3, 4, 5]) expect(await next(keeping)).toEqual(update(position));
    await expect(updates.next()).rejects.toBeInstanceOf(SubscriberTooSlowError);
    stop.abort();
  });
});
