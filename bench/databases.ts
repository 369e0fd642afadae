import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { ensureEventStoreSchema, startEmbeddedPostgres } from '#event-store';
import { ensureReadModelSchema, projectionsFor } from '#read-model';

/** A scratch database that one benchmark round owns from start to drop. */
export interface BenchDatabase {
  readonly label: string;
  readonly url: string;
  /** Sized for the widest benchmark (16 writers plus the projector's connections). */
  readonly pool: pg.Pool;
  close(): Promise<void>;
}

const POOL_SIZE = 24;

/** An embedded PostgreSQL in a temporary folder, deleted when it stops. */
export async function embeddedDatabase(): Promise<BenchDatabase> {
  const dataDir = await mkdtemp(join(tmpdir(), 'itsm-bench-'));
  const server = await startEmbeddedPostgres({ dataDir, persistent: false, database: 'bench' }).catch(async (error: unknown) => {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  });
  const pool = await openPool(server.url);
  return {
    label: 'embedded',
    url: server.url,
    pool,
    async close() {
      await pool.end();
      await server.stop();
    },
  };
}

/** A fresh database on the server in `serverUrl`, dropped afterwards. */
export async function serverDatabase(serverUrl: string): Promise<BenchDatabase> {
  const name = `itsm_bench_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  await admin(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const pool = await openPool(url.toString());
  return {
    label: `server ${new URL(serverUrl).host}`,
    url: url.toString(),
    pool,
    async close() {
      await pool.end();
      await admin(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function openPool(url: string): Promise<pg.Pool> {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE });
  await ensureEventStoreSchema(pool);
  await ensureReadModelSchema(pool, projectionsFor({ incidentAutoCloseDays: 7 }));
  return pool;
}

async function admin(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
