import type pg from 'pg';
import { deleteCheckpoint, inTransaction, type Projection } from '#read-model';

/**
 * Empties a projection's read model and forgets its checkpoint in one transaction. The runner
 * leading it notices the missing checkpoint and replays from the start of the log.
 */
export async function resetProjection(pool: pg.Pool, projection: Projection): Promise<void> {
  await inTransaction(pool, async (tx) => {
    await projection.reset(tx);
    await deleteCheckpoint(tx, projection.name);
  });
}
