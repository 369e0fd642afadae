import type pg from 'pg';

const ignoreClientError = () => undefined;

/**
 * Runs `work` in one transaction on a client of the pool: committed if it returns, rolled back
 * if it throws. A checked-out client has no error listener of its own, so a connection lost
 * between two queries would otherwise crash the process; the next query reports the loss instead,
 * and the broken client is discarded rather than returned to the pool.
 */
export async function inTransaction<T>(pool: pg.Pool, work: (tx: pg.PoolClient) => Promise<T>): Promise<T> {
  const tx = await pool.connect();
  tx.on('error', ignoreClientError);
  let failure: Error | undefined;
  try {
    await tx.query('BEGIN');
    const result = await work(tx);
    await tx.query('COMMIT');
    return result;
  } catch (error) {
    await tx.query('ROLLBACK').catch((rollbackError: Error) => (failure = rollbackError));
    throw error;
  } finally {
    tx.off('error', ignoreClientError);
    tx.release(failure);
  }
}
