import type pg from 'pg';
import type { Position, StoreIdentity, StoreKind } from '#event-store';

type Queryable = Pick<pg.PoolClient, 'query'>;

export interface Checkpoint {
  readonly position: Position;
  /** The event store the position belongs to; absent on checkpoints written before it was recorded. */
  readonly store: StoreIdentity | undefined;
}

export async function loadCheckpoint(db: Queryable, projection: string): Promise<Checkpoint | undefined> {
  const { rows } = await db.query<{
    commit_position: string;
    prepare_position: string;
    store_kind: StoreKind | null;
    store_instance: string | null;
  }>(
    `SELECT commit_position::text AS commit_position, prepare_position::text AS prepare_position, store_kind, store_instance
     FROM projection_checkpoints WHERE projection = $1`,
    [projection],
  );
  const row = rows[0];
  if (!row) return undefined;
  return {
    position: { commit: BigInt(row.commit_position), prepare: BigInt(row.prepare_position) },
    store: row.store_kind && row.store_instance ? { kind: row.store_kind, instanceId: row.store_instance } : undefined,
  };
}

/**
 * Moves a checkpoint from where this runner believes it is, recording which store the position
 * belongs to. It fails (returns false) when the stored one moved meanwhile, because a rebuild
 * reset it or another runner got ahead, and the transaction must then be rolled back.
 */
export async function advanceCheckpoint(
  tx: Queryable,
  projection: string,
  expected: Position | undefined,
  next: Position,
  store: StoreIdentity,
): Promise<boolean> {
  const params = [projection, next.commit.toString(), next.prepare.toString(), store.kind, store.instanceId];
  const result = expected
    ? await tx.query(
        `UPDATE projection_checkpoints
         SET commit_position = $2, prepare_position = $3, store_kind = $4, store_instance = $5, updated_at = now()
         WHERE projection = $1 AND commit_position = $6 AND prepare_position = $7`,
        [...params, expected.commit.toString(), expected.prepare.toString()],
      )
    : await tx.query(
        `INSERT INTO projection_checkpoints (projection, commit_position, prepare_position, store_kind, store_instance)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (projection) DO NOTHING`,
        params,
      );
  return result.rowCount === 1;
}

export async function deleteCheckpoint(tx: Queryable, projection: string): Promise<void> {
  await tx.query('DELETE FROM projection_checkpoints WHERE projection = $1', [projection]);
}
