/**
 * A place in the global log, shaped like EventStoreDB's: events are ordered by `commit`, then by
 * `prepare`. Both parts are 64-bit, so they are bigints everywhere in code and decimal strings on
 * the wire.
 */
export interface Position {
  readonly commit: bigint;
  readonly prepare: bigint;
}

export const START: Position = Object.freeze({ commit: 0n, prepare: 0n });

export function comparePositions(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

export function isAfter(a: Position, b: Position): boolean {
  return comparePositions(a, b) > 0;
}

const HEX_DIGITS = 16;
const MAX_U64 = (1n << 64n) - 1n;

/**
 * An opaque token for clients (`consistentWith`, checkpoints in JSON): two fixed-width hex halves,
 * so tokens also sort as plain strings.
 */
export function encodePosition(position: Position): string {
  return hex(position.commit) + hex(position.prepare);
}

export function decodePosition(token: string): Position {
  if (!/^[0-9a-f]{32}$/.test(token)) throw new InvalidPositionError(token);
  return {
    commit: BigInt(`0x${token.slice(0, HEX_DIGITS)}`),
    prepare: BigInt(`0x${token.slice(HEX_DIGITS)}`),
  };
}

export class InvalidPositionError extends Error {
  constructor(readonly token: string) {
    super(`"${token}" is not a position token`);
    this.name = 'InvalidPositionError';
  }
}

function hex(value: bigint): string {
  if (value < 0n || value > MAX_U64) throw new RangeError(`Position part out of range: ${value}`);
  return value.toString(16).padStart(HEX_DIGITS, '0');
}
