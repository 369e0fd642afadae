import { Logger } from '@nestjs/common';
import pg from 'pg';
import type { AppConfig } from '#config';
import {
  EsdbEventStore,
  PostgresEventStore,
  ensureEventStoreSchema,
  startEmbeddedPostgres,
  type EmbeddedPostgresServer,
  type EventStore,
} from '#event-store';
import { ensureReadModelSchema, projectionsFor } from '#read-model';

export interface Stores {
  readonly eventStore: EventStore;
  readonly readModelPool: pg.Pool;
  /** Where read-model update notifications are listened to (a URL, for a dedicated client). */
  readonly readModelUrl: string;
  close(): Promise<void>;
}

const logger = new Logger('Stores');

/**
 * Opens the event store and the read-model database the configuration names, starting the
 * embedded PostgreSQL under DATA_DIR when either is left to it, and brings their schemas up to
 * date.
 */
export async function openStores(config: AppConfig): Promise<Stores> {
  let embedded: EmbeddedPostgresServer | undefined;
  const embeddedUrl = async () => {
    if (!embedded) {
      embedded = await startEmbeddedPostgres({ dataDir: config.dataDir });
      logger.log(`Embedded PostgreSQL running, data in ${config.dataDir}`);
    }
    return embedded.url;
  };

  const readModelUrl = config.readModel.kind === 'postgres' ? config.readModel.url : await embeddedUrl();
  const readModelPool = newPool(readModelUrl);
  await ensureReadModelSchema(readModelPool, projectionsFor(config));

  let eventStore: EventStore;
  if (config.eventStore.kind === 'eventstoredb') {
    eventStore = new EsdbEventStore(config.eventStore.url);
  } else {
    const url = config.eventStore.kind === 'postgres' ? config.eventStore.url : await embeddedUrl();
    const sharesPool = url === readModelUrl;
    const pool = sharesPool ? readModelPool : newPool(url);
    await ensureEventStoreSchema(pool);
    eventStore = new PostgresEventStore(pool, { ownsPool: !sharesPool });
  }

  // Learnt now, when it can be, so a mutation that appended rarely depends on a second call to
  // the store for its position token; a store that is down now is asked again on first use.
  void eventStore.identity().catch(() => undefined);

  return {
    eventStore,
    readModelPool,
    readModelUrl,
    async close() {
      await eventStore.close();
      await readModelPool.end();
      await embedded?.stop();
    },
  };
}

function newPool(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: 20, connectionTimeoutMillis: 5_000 });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', (error) => logger.warn(`Idle database connection lost: ${error.message}`));
  return pool;
}
