import { Logger } from '@nestjs/common';
import type pg from 'pg';
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
import { WorkloadPools } from './workload-pools.js';

export interface Stores {
  /** For commands (the streams they load, their appends) and the projector (the global log). */
  readonly eventStore: EventStore;
  /** For requests that read the event store itself (history, as-of). */
  readonly queryEventStore: EventStore;
  /** Read models, for requests: every statement has a timeout. */
  readonly readModelPool: pg.Pool;
  /** Read models, for the projector and the timers. */
  readonly projectorPool: pg.Pool;
  /** Where read-model update notifications are listened to (a URL, for a dedicated client). */
  readonly readModelUrl: string;
  close(): Promise<void>;
}

const logger = new Logger('Stores');

/**
 * Opens the event store and the read-model database the configuration names, starting the
 * embedded PostgreSQL under DATA_DIR when either is left to it, and brings their schemas up to
 * date. Each kind of work gets its own connections (see WorkloadPools).
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

  const pools = new WorkloadPools(config.databasePools);
  const readModelUrl = config.readModel.kind === 'postgres' ? config.readModel.url : await embeddedUrl();
  await ensureReadModelSchema(pools.get(readModelUrl, 'projector'), projectionsFor(config));

  let eventStore: EventStore;
  let queryEventStore: EventStore;
  if (config.eventStore.kind === 'eventstoredb') {
    // One gRPC connection multiplexes every call, each with its own deadline.
    eventStore = queryEventStore = new EsdbEventStore(config.eventStore.url);
  } else {
    const url = config.eventStore.kind === 'postgres' ? config.eventStore.url : await embeddedUrl();
    await ensureEventStoreSchema(pools.get(url, 'projector'));
    eventStore = new PostgresEventStore(pools.get(url, 'commands'), { logPool: pools.get(url, 'projector') });
    queryEventStore = new PostgresEventStore(pools.get(url, 'queries'));
  }

  // Learnt now, when it can be, so a mutation that appended rarely depends on a second call to
  // the store for its position token; a store that is down now is asked again on first use.
  void eventStore.identity().catch(() => undefined);

  return {
    eventStore,
    queryEventStore,
    readModelPool: pools.get(readModelUrl, 'queries'),
    projectorPool: pools.get(readModelUrl, 'projector'),
    readModelUrl,
    async close() {
      await eventStore.close();
      if (queryEventStore !== eventStore) await queryEventStore.close();
      await pools.end();
      await embedded?.stop();
    },
  };
}
