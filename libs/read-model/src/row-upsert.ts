import type pg from 'pg';

type Queryable = Pick<pg.PoolClient, 'query'>;

/**
 * Saves a batch of rows of one record table in one statement: each row becomes the named columns
 * (their SQL types given), inserted or, keyed by (tenant, id), updated in place.
 */
export function rowUpsert<Row, const Columns extends Record<string, string>>(
  table: string,
  savedColumns: Columns,
  toColumns: (row: Row) => { readonly [column in keyof Columns]: unknown },
): (db: Queryable, rows: readonly Row[]) => Promise<void> {
  const columns = Object.keys(savedColumns);
  const sql = `
    INSERT INTO ${table} (${columns.join(', ')})
    SELECT ${columns.join(', ')}
    FROM jsonb_to_recordset($1::jsonb) AS r(${Object.entries(savedColumns).map(([name, type]) => `${name} ${type}`).join(', ')})
    ON CONFLICT (tenant, id) DO UPDATE SET
      ${columns.filter((name) => name !== 'tenant' && name !== 'id').map((name) => `${name} = EXCLUDED.${name}`).join(', ')}`;
  return async (db, rows) => {
    if (rows.length === 0) return;
    await db.query(sql, [JSON.stringify(rows.map(toColumns))]);
  };
}
