import { isUuid } from '#events';

/** Checks one value of a cursor a client sent back, and gives its canonical form; undefined when invalid. */
export type CursorField<T> = (value: unknown) => T | undefined;

export class InvalidCursorError extends Error {
  constructor() {
    super('after is not a cursor this API returned');
    this.name = 'InvalidCursorError';
  }
}

/** The kinds of value a sort key is made of. */
export const cursorFields = {
  integer:
    (min: number, max: number): CursorField<number> =>
    (value) =>
      Number.isInteger(value) && (value as number) >= min && (value as number) <= max ? (value as number) : undefined,
  /** An ISO instant, normalised so that equal instants compare equal. */
  instant: ((value) =>
    typeof value === 'string' && !Number.isNaN(Date.parse(value))
      ? new Date(value).toISOString()
      : undefined) as CursorField<string>,
  uuid: ((value) => (typeof value === 'string' && isUuid(value) ? value : undefined)) as CursorField<string>,
};

type CursorOf<Fields extends Record<string, CursorField<unknown>>> = {
  readonly [K in keyof Fields]: Fields[K] extends CursorField<infer T> ? T : never;
};

/** Where a page of a keyset list ends, as an opaque token and back. */
export interface KeysetCursor<Cursor> {
  encode(cursor: Cursor): string;
  /** Throws InvalidCursorError for anything `encode` did not make. */
  decode(token: string): Cursor;
}

/**
 * A cursor of the sort key's values, in the order the fields are given. Opaque to clients, so
 * the sort key can change without breaking their contract; every value is checked on the way
 * back in, since a token is caller input that ends up in SQL parameters.
 */
export function keysetCursor<const Fields extends Record<string, CursorField<unknown>>>(
  fields: Fields,
): KeysetCursor<CursorOf<Fields>> {
  const entries = Object.entries(fields);
  return {
    encode: (cursor) =>
      Buffer.from(JSON.stringify(entries.map(([name]) => cursor[name as keyof Fields]))).toString('base64url'),
    decode: (token) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
      } catch {
        throw new InvalidCursorError();
      }
      if (!Array.isArray(parsed) || parsed.length !== entries.length) throw new InvalidCursorError();
      const values = entries.map(([name, field], index) => [name, field(parsed[index])] as const);
      if (values.some(([, value]) => value === undefined)) throw new InvalidCursorError();
      return Object.fromEntries(values) as CursorOf<Fields>;
    },
  };
}
