import type pg from 'pg';
import { deleteCheckpoint } from '#read-model';
import type { Projection } from './projection.js';

/**
 * Empties a projection's read model and forgets its checkpoint in one transaction. The runner
 * leading it notices the missing checkpoint and replays from the start of the log.
 */
export async function resetProjection(pool: pg.Pool, projection: Projection): Promise<void> {
  const tx = await pool.connect();
  try {
    await tx.query('BEGIN');
    await projection.reset(tx);
    await deleteCheckpoint(tx, projection.name);
    await tx.query('COMMIT');
  } catch (error) {
    await tx.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    tx.release();
  }
}
