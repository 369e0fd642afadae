import { describe, expect, it } from '@jest/globals';
import { ANY, NO_STREAM, STREAM_EXISTS } from '@eventstore/db-client';
import { InvalidAppendError } from '../event-store.errors.js';
import { toEsdbExpectedRevision } from './esdb-expected-revision.js';

describe('toEsdbExpectedRevision', () => {
  it.each([
    ['any' as const, ANY],
    ['no_stream' as const, NO_STREAM],
    ['stream_exists' as const, STREAM_EXISTS],
    [0n, 0n],
    [(1n << 63n) - 1n, (1n << 63n) - 1n],
  ])('maps %s to the client’s %s', (expected, client) => {
    expect(toEsdbExpectedRevision(expected)).toBe(client);
  });

  it('refuses a negative revision, which the server would misread', () => {
    expect(() => toEsdbExpectedRevision(-1n)).toThrow(InvalidAppendError);
  });
});
