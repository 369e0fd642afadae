import type pg from 'pg';
import type { Position } from '#event-store';

type Queryable = Pick<pg.PoolClient, 'query'>;

export async function loadCheckpoint(db: Queryable, projection: string): Promise<Position | undefined> {
  const { rows } = await db.query<{ commit_position: string; prepare_position: string }>(
    'SELECT commit_position::text AS commit_position, prepare_position::text AS prepare_position FROM projection_checkpoints WHERE projection = $1',
    [projection],
  );
  const row = rows[0];
  return row ? { commit: BigInt(row.commit_position), prepare: BigInt(row.prepare_position) } : undefined;
}

/**
 * Moves a checkpoint from where this runner believes it is. It fails (returns false) when the
 * stored one moved meanwhile, because a rebuild reset it or another runner got ahead, and the
 * transaction must then be rolled back.
 */
export async function advanceCheckpoint(
  tx: Queryable,
  projection: string,
  expected: Position | undefined,
  next: Position,
): Promise<boolean> {
  const params = [projection, next.commit.toString(), next.prepare.toString()];
  const result = expected
    ? await tx.query(
        `UPDATE projection_checkpoints SET commit_position = $2, prepare_position = $3, updated_at = now()
         WHERE projection = $1 AND commit_position = $4 AND prepare_position = $5`,
        [...params, expected.commit.toString(), expected.prepare.toString()],
      )
    : await tx.query(
        `INSERT INTO projection_checkpoints (projection, commit_position, prepare_position)
         VALUES ($1, $2, $3) ON CONFLICT (projection) DO NOTHING`,
        params,
      );
  return result.rowCount === 1;
}

export async function deleteCheckpoint(tx: Queryable, projection: string): Promise<void> {
  await tx.query('DELETE FROM projection_checkpoints WHERE projection = $1', [projection]);
}
