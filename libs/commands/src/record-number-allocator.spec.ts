import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PostgresEventStore, ensureEventStoreSchema } from '#event-store';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { RecordNumberAllocator } from './record-number-allocator.js';

describe(RecordNumberAllocator.name, () => {
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

  it('gives each record a number of its own across processes, in the order each process asked', async () => {
    const processes = [new RecordNumberAllocator(store), new RecordNumberAllocator(store)];
    const handedOut = await Promise.all(
      processes.map((sut) => Promise.all(Array.from({ length: 300 }, () => sut.next('acme', 'INC')))),
    );
    const all = handedOut.flat();
    expect(new Set(all).size).toBe(600);
    for (const numbers of handedOut) {
      const values = numbers.map((number) => Number(number.slice(3)));
      expect(values).toEqual([...values].sort((a, b) => a - b));
    }
    expect(all.every((number) => /^INC\d{7}$/.test(number))).toBe(true);
  });

  it('starts each tenant and prefix at 1001, and reserves larger blocks for a tenant opening many records', async () => {
    const sut = new RecordNumberAllocator(store);
    expect(await sut.next('globex', 'PRB')).toBe('PRB0001001');
    for (let index = 0; index < 200; index += 1) await sut.next('globex', 'PRB');
    const reserved: { from: number; to: number }[] = [];
    for await (const event of store.readStream('numbering-globex-PRB')) reserved.push(event.data as { from: number; to: number });
    const sizes = reserved.map(({ from, to }) => to - from + 1);
    expect(sizes[0]).toBe(20);
    expect(Math.max(...sizes)).toBeGreaterThan(20);
    expect(reserved.every((block, index) => index === 0 || block.from === reserved[index - 1]!.to + 1)).toBe(true);
  });
});
