import type pg from 'pg';
import type { RecordedEvent } from '#event-store';
import type { KeysetCursor } from './keyset-cursor.js';
import type { KeysetPage, KeysetQuery } from './keyset-page.js';
import type { RecordKind } from '#events';
import type { RowKey } from './row-projection.js';

type Queryable = Pick<pg.PoolClient, 'query'>;

/** What every row of a record's read model holds besides its own detail. */
export interface RecordRow extends RowKey {
  /** The stream revision of the last event applied. */
  readonly version: string;
}

/**
 * What the API reads of one record type: a row by id, a page of its list, the rows a live list
 * admits, and the row `evolve` that as-of views fold straight from the event store. The list
 * SQL is the record's own; this only names it.
 */
export interface RecordReadModel<Row extends RecordRow, Filter, Cursor, Folded extends Row = Row> {
  readonly kind: RecordKind;
  /** The projection whose checkpoint `consistentWith` waits for, and whose notices live updates follow. */
  readonly projection: string;
  find(db: Queryable, tenant: string, id: string): Promise<Row | undefined>;
  list(db: Queryable, query: KeysetQuery<Filter, Cursor>): Promise<KeysetPage<Row, Cursor>>;
  readonly cursor: KeysetCursor<Cursor>;
  /** The rows among `ids` that the filter admits, with the very conditions of `list`. */
  findMatching(db: Queryable, tenant: string, ids: readonly string[], filter: Filter): Promise<Row[]>;
  /** Folds onto the projection's own row, which may keep more than the API reads. */
  evolve(row: Folded | undefined, event: RecordedEvent, key: RowKey): Folded | undefined;
}
