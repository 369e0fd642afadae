import { describe, expect, it } from '@jest/globals';
import { cursorFields, InvalidCursorError, keysetCursor } from './keyset-cursor.js';

const token = (values: unknown) => Buffer.from(JSON.stringify(values)).toString('base64url');

describe(keysetCursor.name, () => {
  const sut = keysetCursor({ dueAt: cursorFields.instant, rank: cursorFields.integer(0, 9), id: cursorFields.uuid });
  const id = '00000000-0000-4000-8000-000000000001';

  it('encodes the sort key in the order its fields are given', () => {
    expect(sut.encode({ dueAt: '2026-01-01T00:00:00.000Z', rank: 3, id })).toBe(token(['2026-01-01T00:00:00.000Z', 3, id]));
  });

  it('decodes to each field canonical form', () => {
    expect(sut.decode(token(['2026-01-01T01:00:00+01:00', 0, id]))).toEqual({ dueAt: '2026-01-01T00:00:00.000Z', rank: 0, id });
  });

  it.each([
    ['too few values', token(['2026-01-01T00:00:00Z', 3])],
    ['a value of the wrong kind', token([3, '2026-01-01T00:00:00Z', id])],
    ['an integer out of range', token(['2026-01-01T00:00:00Z', 10, id])],
    ['no JSON', 'not-json'],
  ])('refuses %s', (_name, given) => {
    expect(() => sut.decode(given)).toThrow(InvalidCursorError);
  });
});
