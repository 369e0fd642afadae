import type pg from 'pg';
import type { RowKey } from './row-projection.js';

type Queryable = Pick<pg.PoolClient, 'query'>;

export interface RowTableDefinition<DbRow, Row> {
  readonly table: string;
  /** The select list, cast so that node-postgres hands values back as `fromDb` expects them. */
  readonly columns: string;
  /** The uuid column that, with `tenant`, keys a row; `id` unless named. */
  readonly idColumn?: string;
  fromDb(row: DbRow): Row;
}

/** Reads and removals by key of a table of one row per record; saving stays the table's own. */
export interface RowTable<DbRow, Row> {
  readonly columns: string;
  fromDb(row: DbRow): Row;
  find(db: Queryable, tenant: string, id: string): Promise<Row | undefined>;
  /** One statement for a whole batch of keys. */
  findMany(db: Queryable, keys: readonly RowKey[]): Promise<Row[]>;
  deleteMany(db: Queryable, keys: readonly RowKey[]): Promise<void>;
  deleteAll(db: Queryable): Promise<void>;
}

export function rowTable<DbRow extends pg.QueryResultRow, Row>(definition: RowTableDefinition<DbRow, Row>): RowTable<DbRow, Row> {
  const { table, columns, fromDb } = definition;
  const idColumn = definition.idColumn ?? 'id';
  const byKeys = `(tenant, ${idColumn}) IN (SELECT * FROM unnest($1::text[], $2::uuid[]))`;
  const keyArrays = (keys: readonly RowKey[]) => [keys.map((key) => key.tenant), keys.map((key) => key.id)];
  return {
    columns,
    fromDb,
    async find(db, tenant, id) {
      const { rows } = await db.query<DbRow>(`SELECT ${columns} FROM ${table} WHERE tenant = $1 AND ${idColumn} = $2::uuid`, [
        tenant,
        id,
      ]);
      return rows[0] && fromDb(rows[0]);
    },
    async findMany(db, keys) {
      if (keys.length === 0) return [];
      const { rows } = await db.query<DbRow>(`SELECT ${columns} FROM ${table} WHERE ${byKeys}`, keyArrays(keys));
      return rows.map(fromDb);
    },
    async deleteMany(db, keys) {
      if (keys.length === 0) return;
      await db.query(`DELETE FROM ${table} WHERE ${byKeys}`, keyArrays(keys));
    },
    async deleteAll(db) {
      await db.query(`TRUNCATE ${table}`);
    },
  };
}
