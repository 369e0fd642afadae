import { PostgresEventStore, ensureEventStoreSchema } from '#event-store';
import { createTestDatabase } from '../support/test-database.js';
import { describeEventStoreContract } from './event-store.contract.js';

const server = process.env.TEST_DATABASE_EMBEDDED ? 'embedded PostgreSQL' : 'PostgreSQL at TEST_DATABASE_URL';

describeEventStoreContract(`PostgresEventStore on ${server}`, async () => {
  const database = await createTestDatabase(70);
  await ensureEventStoreSchema(database.pool);
  const store = new PostgresEventStore(database.pool);
  return {
    store,
    async dispose() {
      await store.close();
      await database.drop();
    },
  };
});
