import { describe, expect, it } from '@jest/globals';
import { InvalidPositionError } from './position.js';
import { ForeignPositionError, decodePositionToken, encodePositionToken } from './position-tokens.js';
import type { StoreIdentity } from './store-identity.js';

const postgres: StoreIdentity = { kind: 'postgres', instanceId: '1a2b3c4d-0000-4000-8000-000000000001' };
const esdb: StoreIdentity = { kind: 'eventstoredb', instanceId: '1a2b3c4d-0000-4000-8000-000000000001' };
const otherPostgres: StoreIdentity = { kind: 'postgres', instanceId: '9f8e7d6c-0000-4000-8000-000000000001' };
const position = { commit: (1n << 63n) + 7n, prepare: 42n };

describe('position tokens', () => {
  it('name the store kind and instance, and round-trip 64-bit positions', () => {
    const token = encodePositionToken(position, postgres);
    expect(token).toBe(`pg.1a2b3c4d.${(position.commit).toString(16)}000000000000002a`);
    expect(decodePositionToken(token, postgres)).toEqual(position);
    expect(encodePositionToken(position, esdb)).toMatch(/^es\.1a2b3c4d\./);
  });

  it('sort as plain strings within one store', () => {
    const earlier = encodePositionToken({ commit: 9n, prepare: 9n }, postgres);
    const later = encodePositionToken({ commit: 10n, prepare: 1n }, postgres);
    expect([later, earlier].sort()).toEqual([earlier, later]);
  });

  it.each([
    ['of the other kind of store', esdb],
    ['of another instance of the same kind', otherPostgres],
  ])('refuse a token %s', (_, other) => {
    const token = encodePositionToken(position, other);
    expect(() => decodePositionToken(token, postgres)).toThrow(ForeignPositionError);
  });

  it.each([['0000000000000001000000000000000a'], ['pg.1a2b3c4d.xyz'], ['pg.1A2B3C4D.' + '0'.repeat(32)], ['']])(
    'refuse the malformed token %p',
    (token) => {
      const error = (() => {
        try {
          decodePositionToken(token, postgres);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(InvalidPositionError);
      expect(error).not.toBeInstanceOf(ForeignPositionError);
    },
  );
});
