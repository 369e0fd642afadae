import { describe, expect, it } from '@jest/globals';
import { EventStoreDBClient } from '@eventstore/db-client';
import { parseConnectionString } from '@eventstore/db-client/dist/Client/parseConnectionString.js';
import { toEsdbConnectionString } from './esdb-connection-string.js';

describe('toEsdbConnectionString', () => {
  it.each([
    ['kurrentdb://node:2113?tls=false', 'esdb://node:2113?tls=false'],
    ['kurrentdb+discover://a,b,c?tls=false', 'esdb+discover://a,b,c?tls=false'],
    ['KurrentDB://node:2113', 'esdb://node:2113'],
    ['esdb://node:2113?tls=false', 'esdb://node:2113?tls=false'],
    ['esdb+discover://cluster:2113', 'esdb+discover://cluster:2113'],
  ])('turns %s into %s', (given, expected) => {
    expect(toEsdbConnectionString(given)).toBe(expected);
  });
});

/** What client 6.2.1's own parser makes of the URLs an operator may give; it connects to nothing. */
describe('connection strings through the client’s parser', () => {
  const parse = (url: string) => parseConnectionString(toEsdbConnectionString(url));

  it('reads one node without TLS', () => {
    expect(parse('esdb://127.0.0.1:2113?tls=false')).toMatchObject({
      dnsDiscover: false,
      tls: false,
      hosts: [{ address: '127.0.0.1', port: 2113 }],
    });
  });

  it('reads a kurrentdb:// URL the same way', () => {
    expect(parse('kurrentdb://admin:changeit@node1:2113?tls=false')).toMatchObject({
      dnsDiscover: false,
      defaultCredentials: { username: 'admin', password: 'changeit' },
      hosts: [{ address: 'node1', port: 2113 }],
    });
  });

  it('reads a secure cluster given as several hosts, with the leader preferred and a CA file', () => {
    expect(
      parse('esdb://admin:changeit@node1:2113,node2:2113,node3:2113?tls=true&tlsCAFile=/certs/ca/ca.crt&nodePreference=leader'),
    ).toMatchObject({
      dnsDiscover: false,
      tls: true,
      tlsCAFile: '/certs/ca/ca.crt',
      nodePreference: 'leader',
      hosts: [
        { address: 'node1', port: 2113 },
        { address: 'node2', port: 2113 },
        { address: 'node3', port: 2113 },
      ],
    });
  });

  it.each([['esdb+discover://cluster.example:2113'], ['kurrentdb+discover://cluster.example:2113']])(
    'reads %s as DNS discovery',
    (url) => {
      expect(parse(url)).toMatchObject({ dnsDiscover: true, hosts: [{ address: 'cluster.example', port: 2113 }] });
    },
  );

  it('refuses a scheme it does not know', () => {
    expect(() => parse('eventstore://node:2113')).toThrow();
  });

  it.each([
    ['esdb://127.0.0.1:2113?tls=false'],
    ['kurrentdb://node1:2113,node2:2113,node3:2113?tls=false'],
    ['kurrentdb+discover://cluster.example:2113?tls=false'],
  ])('builds a client from %s without connecting', async (url) => {
    const client = EventStoreDBClient.connectionString(toEsdbConnectionString(url));
    await client.dispose();
  });
});
