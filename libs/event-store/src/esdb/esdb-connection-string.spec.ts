import { describe, expect, it } from '@jest/globals';
import { toEsdbConnectionString } from './esdb-connection-string.js';

describe('toEsdbConnectionString', () => {
  it.each([
    ['kurrentdb://node:2113?tls=false', 'esdb://node:2113?tls=false'],
    ['kurrentdb+discover://a,b,c?tls=false', 'esdb+discover://a,b,c?tls=false'],
    ['esdb://node:2113?tls=false', 'esdb://node:2113?tls=false'],
    ['esdb+discover://cluster:2113', 'esdb+discover://cluster:2113'],
  ])('turns %s into %s', (given, expected) => {
    expect(toEsdbConnectionString(given)).toBe(expected);
  });
});
