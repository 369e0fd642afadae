import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { PostgresEventStore, ensureEventStoreSchema, startEmbeddedPostgres } from '#event-store';
import { describeEventStoreContract } from './event-store.contract.js';

/** The zero-setup default of `npm start`, started the way the product starts it. */
describeEventStoreContract('PostgresEventStore on the embedded PostgreSQL of `npm start`', async () => {
  const server = await startEmbeddedPostgres({
    dataDir: await mkdtemp(join(tmpdir(), 'itsm-embedded-contract-')),
    persistent: false,
  });
  const pool = new pg.Pool({ connectionString: server.url, max: 70 });
  // As in the product: a connection lost while idle is not worth crashing the process for.
  pool.on('error', () => undefined);
  await ensureEventStoreSchema(pool);
  const store = new PostgresEventStore(pool, { ownsPool: true });
  return {
    store,
    async dispose() {
      await store.close();
      await server.stop();
    },
  };
});
