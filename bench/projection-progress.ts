import type pg from 'pg';
import { comparePositions, type Position } from '#event-store';
import { RECORD_STREAM_PREFIXES } from '#events';
import { INCIDENT_PROJECTION, INCIDENT_TIMERS_PROJECTION, loadCheckpoint, PROBLEM_PROJECTION } from '#read-model';

const POLL_MS = 10;

/**
 * The position of the last event of a record stream, in the store's (commit id, seq) order; none
 * when there is none. Projections follow record streams only, so their checkpoints never pass
 * an event of another stream (such as those the append benchmarks write).
 */
export async function headPosition(pool: pg.Pool): Promise<Position | undefined> {
  const { rows } = await pool.query<{ commit: string; seq: string }>(
    `SELECT commit_id::text AS commit, seq::text AS seq FROM es_events WHERE stream_id LIKE ANY($1)
     ORDER BY commit_id DESC, seq DESC LIMIT 1`,
    [RECORD_STREAM_PREFIXES.map((prefix) => `${prefix}%`)],
  );
  const row = rows[0];
  return row && { commit: BigInt(row.commit), prepare: BigInt(row.seq) };
}

/** Resolves once the projection's stored checkpoint has reached `head`. */
export async function waitForCheckpoint(
  pool: pg.Pool,
  projection: string,
  head: Position,
  timeoutMs = 600_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (Date.now() > deadline) throw new Error(`projection ${projection} did not reach the head in ${timeoutMs / 1000} s`);
    const checkpoint = await loadCheckpoint(pool, projection);
    if (checkpoint && comparePositions(checkpoint.position, head) >= 0) return;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/**
 * Resolves once the projections a GraphQL bench reads have reached the log's head: measuring
 * during a replay of what earlier steps appended would charge that catch-up to the command path.
 */
export async function projectionsSettled(pool: pg.Pool, timeoutMs?: number): Promise<void> {
  const head = await headPosition(pool);
  if (!head) return;
  for (const name of [INCIDENT_PROJECTION, INCIDENT_TIMERS_PROJECTION, PROBLEM_PROJECTION]) await waitForCheckpoint(pool, name, head, timeoutMs);
}
