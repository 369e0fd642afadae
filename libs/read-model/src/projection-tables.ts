import { createHash } from 'node:crypto';
import type pg from 'pg';
import { inTransaction } from './in-transaction.js';
import type { VersionedProjection } from './projection.js';

type Queryable = Pick<pg.PoolClient, 'query'>;

/** Which version of a projection's tables the API reads, and which tables those are. */
export interface LiveProjectionTables {
  readonly version: string;
  readonly tables: readonly string[];
}

export async function liveProjectionTables(db: Queryable, projection: string): Promise<LiveProjectionTables | undefined> {
  const { rows } = await db.query<LiveProjectionTables>('SELECT version, tables FROM projection_versions WHERE projection = $1', [
    projection,
  ]);
  return rows[0];
}

/**
 * Where a rebuild of this version writes: a schema named after the projection and the version,
 * so an interrupted rebuild resumes only into tables of its own shape.
 */
export function rebuildSchemaOf(projection: VersionedProjection): string {
  const digest = createHash('sha256').update(`${projection.name}\u0000${projection.version}`).digest('hex').slice(0, 12);
  return `rebuild_${schemaWord(projection.name)}_${digest}`;
}

/** The rebuild's own checkpoint; it takes the projection's name when the tables are swapped in. */
export function rebuildCheckpointOf(projection: VersionedProjection): string {
  return `${projection.name}@${projection.version}`;
}

function schemaWord(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '_');
}

const quoted = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/**
 * Reads and writes of `work` resolve unqualified names in `schema` first, for the rest of the
 * transaction: a projection fills a rebuild's tables with the very SQL it uses live.
 */
export async function searchFirstIn(tx: Queryable, schema: string): Promise<void> {
  await tx.query(`SELECT set_config('search_path', $1 || ', ' || current_setting('search_path'), true)`, [quoted(schema)]);
}

async function hasCheckpoint(db: Queryable, projection: string): Promise<boolean> {
  const { rowCount } = await db.query('SELECT 1 FROM projection_checkpoints WHERE projection = $1', [projection]);
  return rowCount === 1;
}

async function recordLive(db: Queryable, projection: VersionedProjection): Promise<void> {
  await db.query(
    `INSERT INTO projection_versions (projection, version, tables) VALUES ($1, $2, $3)
     ON CONFLICT (projection) DO UPDATE SET version = EXCLUDED.version, tables = EXCLUDED.tables, updated_at = now()`,
    [projection.name, projection.version, projection.tables],
  );
}

async function dropTables(db: Queryable, tables: Iterable<string>): Promise<void> {
  for (const table of new Set(tables)) await db.query(`DROP TABLE IF EXISTS ${quoted(table)}`);
}

/**
 * Creates the tables of projections that have none live, and replaces those of another version
 * into which nothing was ever projected (no checkpoint: a fresh database, or one reset for a
 * replay), since there is nothing to keep serving. Tables of another version that hold a
 * projection's work stay: its projector rebuilds them beside (`prepareRebuild`).
 */
export async function installProjectionTables(db: Queryable, projections: readonly VersionedProjection[]): Promise<void> {
  for (const projection of projections) {
    const live = await liveProjectionTables(db, projection.name);
    if (live?.version === projection.version) continue;
    if (live && (await hasCheckpoint(db, projection.name))) continue;
    await dropTables(db, [...(live?.tables ?? []), ...projection.tables]);
    await db.query(projection.createTables);
    await recordLive(db, projection);
  }
}

/** Whether the live tables are of another version than this projection writes. */
export async function needsRebuild(db: Queryable, projection: VersionedProjection): Promise<boolean> {
  return (await liveProjectionTables(db, projection.name))?.version !== projection.version;
}

/**
 * Makes the rebuild's schema and tables, empty and with no checkpoint, unless a rebuild of the
 * same version was interrupted: that one resumes from its checkpoint. Rebuilds of other versions
 * left behind are dropped.
 */
export async function prepareRebuild(pool: pg.Pool, projection: VersionedProjection): Promise<void> {
  const schema = rebuildSchemaOf(projection);
  await inTransaction(pool, async (tx) => {
    const { rows } = await tx.query<{ schema: string }>(
      `SELECT nspname AS schema FROM pg_namespace WHERE nspname LIKE $1 || '\\_%'`,
      [`rebuild_${schemaWord(projection.name)}`],
    );
    for (const { schema: other } of rows) {
      if (other !== schema) await tx.query(`DROP SCHEMA ${quoted(other)} CASCADE`);
    }
    await tx.query(`DELETE FROM projection_checkpoints WHERE projection LIKE $1 || '@%' AND projection <> $2`, [
      projection.name,
      rebuildCheckpointOf(projection),
    ]);
    if (rows.some((row) => row.schema === schema)) return;
    await tx.query('DELETE FROM projection_checkpoints WHERE projection = $1', [rebuildCheckpointOf(projection)]);
    await tx.query(`CREATE SCHEMA ${quoted(schema)}`);
    await searchFirstIn(tx, schema);
    await tx.query(projection.createTables);
  });
}

/**
 * In one transaction: the rebuilt tables replace the live ones under their names, and the
 * rebuild's checkpoint becomes the projection's. Readers see the old tables or the new, never
 * neither; statements on the old ones finish first, as the drop waits for them.
 */
export async function swapInRebuild(pool: pg.Pool, projection: VersionedProjection): Promise<void> {
  const schema = rebuildSchemaOf(projection);
  await inTransaction(pool, async (tx) => {
    const { rows } = await tx.query<{ home: string }>('SELECT current_schema() AS home');
    const home = rows[0]!.home;
    const live = await liveProjectionTables(tx, projection.name);
    await dropTables(tx, live?.tables ?? []);
    for (const table of projection.tables) {
      await tx.query(`ALTER TABLE ${quoted(schema)}.${quoted(table)} SET SCHEMA ${quoted(home)}`);
    }
    await tx.query(`DROP SCHEMA ${quoted(schema)}`);
    await tx.query('DELETE FROM projection_checkpoints WHERE projection = $1', [projection.name]);
    await tx.query('UPDATE projection_checkpoints SET projection = $1 WHERE projection = $2', [
      projection.name,
      rebuildCheckpointOf(projection),
    ]);
    await recordLive(tx, projection);
  });
}
