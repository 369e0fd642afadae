import type { Pool } from 'pg';

/**
 * The event log and its append function.
 *
 * Global order is (commit_id, seq), where commit_id is the id of the appending transaction.
 * Readers of the global log only see transactions older than the oldest one still running
 * (`pg_snapshot_xmin`), so a transaction that commits late can never be skipped: its events are
 * simply not visible to anyone until every transaction before it has ended.
 *
 * Appends to one stream are serialised by an advisory lock taken before the transaction gets an
 * id, so a stream's revisions always follow the global order.
 */
const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS es_events (
  commit_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
  seq bigint GENERATED ALWAYS AS IDENTITY,
  stream_id text NOT NULL,
  revision bigint NOT NULL,
  id uuid NOT NULL,
  type text NOT NULL,
  data jsonb NOT NULL,
  metadata jsonb NOT NULL,
  created timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (commit_id, seq),
  UNIQUE (stream_id, revision),
  UNIQUE (id)
);

-- One row naming this log, so positions and checkpoints of another store can be told apart.
CREATE TABLE IF NOT EXISTS es_store_identity (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  instance_id uuid NOT NULL DEFAULT gen_random_uuid()
);
INSERT INTO es_store_identity DEFAULT VALUES ON CONFLICT DO NOTHING;

CREATE OR REPLACE FUNCTION es_append(
  p_stream text, p_expected text, p_ids uuid[], p_types text[], p_data jsonb[], p_metadata jsonb[]
) RETURNS TABLE (appended boolean, revision bigint, commit_id text, seq bigint)
LANGUAGE plpgsql AS $fn$
DECLARE
  v_current bigint;
  v_count bigint := cardinality(p_ids);
  v_last_seq bigint;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended(p_stream, 0));
  SELECT max(e.revision) INTO v_current FROM es_events e WHERE e.stream_id = p_stream;
  IF (p_expected = 'no_stream' AND v_current IS NOT NULL)
     OR (p_expected = 'stream_exists' AND v_current IS NULL)
     OR (p_expected NOT IN ('any', 'no_stream', 'stream_exists')
         AND v_current IS DISTINCT FROM p_expected::bigint) THEN
    RETURN QUERY SELECT false, v_current, NULL::text, NULL::bigint;
    RETURN;
  END IF;
  WITH inserted AS (
    INSERT INTO es_events (stream_id, revision, id, type, data, metadata)
    SELECT p_stream, coalesce(v_current, -1) + u.ord, u.id, u.type, u.data, u.metadata
    FROM unnest(p_ids, p_types, p_data, p_metadata) WITH ORDINALITY AS u(id, type, data, metadata, ord)
    ORDER BY u.ord
    RETURNING es_events.seq
  )
  SELECT max(inserted.seq) INTO v_last_seq FROM inserted;
  RETURN QUERY SELECT true, coalesce(v_current, -1) + v_count, pg_current_xact_id()::text, v_last_seq;
END
$fn$;
`;

/** Serialises concurrent schema set-ups (api and projector starting together). */
const SCHEMA_LOCK_KEY = 7_300_001;

export async function ensureEventStoreSchema(pool: Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [SCHEMA_LOCK_KEY]);
    await client.query(SCHEMA_SQL);
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [SCHEMA_LOCK_KEY]).catch(() => undefined);
    client.release();
  }
}
