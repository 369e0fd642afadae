/** What a list asks for: one tenant, the filter, a page size, and the cursor to continue after. */
export interface KeysetQuery<Filter, Cursor> {
  readonly tenant: string;
  readonly filter: Filter;
  readonly first: number;
  readonly after?: Cursor;
}

export interface KeysetPage<Row, Cursor> {
  readonly items: readonly { readonly row: Row; readonly cursor: Cursor }[];
  readonly hasNextPage: boolean;
}

/** Rows read with `LIMIT first + 1`: the extra one only tells that a next page exists. */
export function keysetPage<DbRow, Row, Cursor>(
  rows: readonly DbRow[],
  first: number,
  toItem: (row: DbRow) => { readonly row: Row; readonly cursor: Cursor },
): KeysetPage<Row, Cursor> {
  return { items: rows.slice(0, first).map(toItem), hasNextPage: rows.length > first };
}
