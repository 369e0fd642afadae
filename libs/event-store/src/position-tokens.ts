import { decodePosition, encodePosition, InvalidPositionError, type Position } from './position.js';
import { describeStore, type StoreIdentity, type StoreKind } from './store-identity.js';

const KIND_TAGS: Record<StoreKind, string> = { postgres: 'pg', eventstoredb: 'es' };
const TOKEN = /^([a-z]{2})\.([0-9a-f]{8})\.([0-9a-f]{32})$/;

/** A well-formed token that names another store than the one this process uses. */
export class ForeignPositionError extends InvalidPositionError {
  constructor(
    token: string,
    readonly expected: StoreIdentity,
  ) {
    super(token);
    this.message = `"${token}" is a position of another event store than this ${describeStore(expected)}`;
    this.name = 'ForeignPositionError';
  }
}

/**
 * Position tokens for clients (`position` in payloads, `consistentWith`): the store's kind and
 * the first 8 hex digits of its instance id, then the position (`pg.1a2b3c4d.<32 hex>`). Tokens
 * of one store still sort as plain strings; a token of another store is refused instead of being
 * compared with positions it has nothing to do with.
 */
export function encodePositionToken(position: Position, store: StoreIdentity): string {
  return `${KIND_TAGS[store.kind]}.${instanceTag(store)}.${encodePosition(position)}`;
}

/** Throws `InvalidPositionError` for a malformed token, `ForeignPositionError` for another store's. */
export function decodePositionToken(token: string, store: StoreIdentity): Position {
  const match = TOKEN.exec(token);
  if (!match) throw new InvalidPositionError(token);
  const [, kind, instance, position] = match;
  if (kind !== KIND_TAGS[store.kind] || instance !== instanceTag(store)) throw new ForeignPositionError(token, store);
  return decodePosition(position!);
}

function instanceTag(store: StoreIdentity): string {
  return store.instanceId.replace(/-/g, '').slice(0, 8).toLowerCase();
}
