import type pg from 'pg';

/**
 * Raw tables the baselines write: the same columns, defaults and indexes as the event log and
 * the incident read model, copied from them so they cannot drift apart.
 */
export async function ensureBaselineTables(pool: pg.Pool): Promise<void> {
  await pool.query(`
    CREATE TABLE IF NOT EXISTS baseline_events (LIKE es_events INCLUDING ALL);
    CREATE TABLE IF NOT EXISTS baseline_incidents (LIKE incidents INCLUDING ALL);
    CREATE TABLE IF NOT EXISTS baseline_incident_journal (LIKE incident_journal INCLUDING ALL);`);
}

/** One plain INSERT, one row, in its own transaction: what an append is measured against. */
export const BASELINE_INSERT_EVENT =
  'INSERT INTO baseline_events (stream_id, revision, id, type, data, metadata) VALUES ($1, $2, $3, $4, $5, $6)';
