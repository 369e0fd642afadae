import { describe, expect, it } from '@jest/globals';
import { InvalidPositionError, START, comparePositions, decodePosition, encodePosition, isAfter } from './position.js';

const MAX_U64 = (1n << 64n) - 1n;

describe('positions', () => {
  it.each([
    [START],
    [{ commit: 1n, prepare: 2n }],
    [{ commit: 2n ** 53n + 1n, prepare: 7n }],
    [{ commit: MAX_U64, prepare: MAX_U64 }],
  ])('encode to a token and back without losing 64-bit precision: %o', (position) => {
    expect(decodePosition(encodePosition(position))).toEqual(position);
  });

  it('order by commit, then prepare, and their tokens sort the same way as text', () => {
    const ordered = [
      { commit: 1n, prepare: 900n },
      { commit: 2n, prepare: 3n },
      { commit: 2n, prepare: 10n },
      { commit: 300n, prepare: 0n },
    ];
    const shuffled = [ordered[2]!, ordered[0]!, ordered[3]!, ordered[1]!];
    expect([...shuffled].sort(comparePositions)).toEqual(ordered);
    expect(shuffled.map(encodePosition).sort()).toEqual(ordered.map(encodePosition));
    expect(isAfter(ordered[2]!, ordered[1]!)).toBe(true);
    expect(isAfter(ordered[1]!, ordered[1]!)).toBe(false);
  });

  it.each(['', 'abc', '0'.repeat(31), 'g'.repeat(32), `${'0'.repeat(31)}A`])('refuse the token "%s"', (token) => {
    expect(() => decodePosition(token)).toThrow(InvalidPositionError);
  });

  it('refuse to encode a part outside 64 bits', () => {
    expect(() => encodePosition({ commit: MAX_U64 + 1n, prepare: 0n })).toThrow(RangeError);
    expect(() => encodePosition({ commit: 0n, prepare: -1n })).toThrow(RangeError);
  });
});
