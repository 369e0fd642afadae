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

-- The result goes out through the OUT parameters (RETURN NEXT) rather than a query, and a
-- one-event append (most commands) inserts one row without unnesting arrays: the append costs
-- little more than the INSERT it wraps.
CREATE OR REPLACE FUNCTION es_append(
  p_stream text, p_expected text, p_ids uuid[], p_types text[], p_data jsonb[], p_metadata jsonb[]
) RETURNS TABLE (appended boolean, revision bigint, commit_id text, seq bigint)
LANGUAGE plpgsql AS $fn$
DECLARE
  v_current bigint;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended(p_stream, 0));
  SELECT max(e.revision) INTO v_current FROM es_events e WHERE e.stream_id = p_stream;
  IF (CASE p_expected
        WHEN 'any' THEN false
        WHEN 'no_stream' THEN v_current IS NOT NULL
        WHEN 'stream_exists' THEN v_current IS NULL
        ELSE v_current IS DISTINCT FROM p_expected::bigint
      END) THEN
    appended := false;
    revision := v_current;
    RETURN NEXT;
    RETURN;
  END IF;
  revision := coalesce(v_current, -1) + cardinality(p_ids);
  IF cardinality(p_ids) = 1 THEN
    INSERT INTO es_events (stream_id, revision, id, type, data, metadata)
    VALUES (p_stream, revision, p_ids[1], p_types[1], p_data[1], p_metadata[1])
    RETURNING es_events.seq INTO seq;
  ELSE
    WITH inserted AS (
      INSERT INTO es_events (stream_id, revision, id, type, data, metadata)
      SELECT p_stream, coalesce(v_current, -1) + u.ord, u.id, u.type, u.data, u.metadata
      FROM unnest(p_ids, p_types, p_data, p_metadata) WITH ORDINALITY AS u(id, type, data, metadata, ord)
      ORDER BY u.ord
      RETURNING es_events.seq
    )
    SELECT max(inserted.seq) INTO seq FROM inserted;
  END IF;
  appended := true;
  commit_id := pg_current_xact_id()::text;
  RETURN NEXT;
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
