import { Logger } from '@nestjs/common';
import pg from 'pg';
import type { DatabasePools } from '#config';

/**
 * The kinds of database work, each with connections of its own: requests' reads, commands'
 * appends, and the projector with its timers. A caller that holds every connection of one kind
 * (slow queries, say) cannot starve the others.
 */
export type Workload = 'queries' | 'commands' | 'projector';

const logger = new Logger('Stores');

/** How long a request waits for a free connection before it is answered SERVICE_UNAVAILABLE. */
const CONNECTION_WAIT_MS = 5_000;

/** One pool per kind of work and database, made when first asked for. */
export class WorkloadPools {
  private readonly pools = new Map<string, pg.Pool>();

  constructor(private readonly config: DatabasePools) {}

  get(url: string, workload: Workload): pg.Pool {
    const key = JSON.stringify([workload, url]);
    let pool = this.pools.get(key);
    if (!pool) {
      pool = this.create(url, workload);
      this.pools.set(key, pool);
    }
    return pool;
  }

  async end(): Promise<void> {
    await Promise.all([...this.pools.values()].map((pool) => pool.end()));
  }

  private create(url: string, workload: Workload): pg.Pool {
    const pool = new pg.Pool({
      connectionString: url,
      max: this.config[workload],
      connectionTimeoutMillis: CONNECTION_WAIT_MS,
      // Statements made for a request are bounded; the projector's (a rebuild, a migration)
      // may legitimately run long.
      ...(workload === 'projector' ? {} : { statement_timeout: this.config.statementTimeoutMs }),
      application_name: `itsm-${workload}`,
    });
    // An idle client losing its connection must not crash the process; the next query reconnects.
    pool.on('error', (error) => logger.warn(`Idle database connection lost: ${error.message}`));
    return pool;
  }
}
