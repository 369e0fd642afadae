import type pg from 'pg';
import type { VersionedProjection } from './projection.js';
import { installProjectionTables } from './projection-tables.js';
import { READ_MODEL_MIGRATIONS } from './read-model-migrations.js';

/** Serialises concurrent start-ups (api and projector) applying the same migrations. */
const MIGRATION_LOCK_KEY = 7_300_002;

/**
 * Applies, in order and once each, the read-model migrations the database has not seen, then
 * creates the tables of projections that have none yet.
 */
export async function ensureReadModelSchema(pool: pg.Pool, projections: readonly VersionedProjection[]): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS rm_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const { rows } = await client.query<{ id: string }>('SELECT id FROM rm_migrations');
    const applied = new Set(rows.map((row) => row.id));
    for (const migration of READ_MODEL_MIGRATIONS) {
      if (applied.has(migration.id)) continue;
      await inOneTransaction(client, async () => {
        await client.query(migration.sql);
        await client.query('INSERT INTO rm_migrations (id) VALUES ($1)', [migration.id]);
      });
    }
    await inOneTransaction(client, () => installProjectionTables(client, projections));
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    client.release();
  }
}

async function inOneTransaction(client: pg.PoolClient, work: () => Promise<void>): Promise<void> {
  await client.query('BEGIN');
  try {
    await work();
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}
