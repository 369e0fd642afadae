import { InvalidCursorError, type KeysetCursor, type KeysetPage } from '#read-model';
import { ApiError } from '../errors/api-error.js';
import type { Connection } from './connection.type.js';

/** The cursor a client sent as `after`; one this API did not make is BAD_USER_INPUT. */
export function toListCursor<Cursor>(codec: KeysetCursor<Cursor>, after: string): Cursor {
  try {
    return codec.decode(after);
  } catch (error) {
    if (error instanceof InvalidCursorError) throw new ApiError('BAD_USER_INPUT', error.message, { field: 'after' });
    throw error;
  }
}

/** A page as a Relay connection; lists page forward only, so a previous page exists after a cursor. */
export function toConnection<Row, Cursor, Model>(
  page: KeysetPage<Row, Cursor>,
  codec: KeysetCursor<Cursor>,
  toNode: (row: Row) => Model,
  afterCursor: boolean,
): Connection<Model> {
  const edges = page.items.map((item) => ({ cursor: codec.encode(item.cursor), node: toNode(item.row) }));
  return {
    edges,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: afterCursor,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
