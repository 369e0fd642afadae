import fc from 'fast-check';
import type { Operation } from './operation-walk.js';

/** One hostile HTTP request: headers and body as a careless or malicious client sends them. */
export interface HostileHttpRequest {
  readonly method: 'POST' | 'GET';
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: Buffer;
}

/** A GraphQL document over a limit, malformed, or asking for what is not there. */
export function hostileDocument(operations: readonly Operation[]): fc.Arbitrary<string> {
  const nesting = fc.integer({ min: 11, max: 3_000 });
  return fc.oneof(
    nesting.map((depth) => `{ ${'incidents { edges { node { '.repeat(Math.ceil(depth / 3))}id${' } } }'.repeat(Math.ceil(depth / 3))} }`),
    nesting.map((depth) => `{ ${'a { '.repeat(depth)}b${' }'.repeat(depth)} }`),
    fc.integer({ min: 16, max: 6_000 }).map((count) => `{ ${Array.from({ length: count }, (_, index) => `a${index}: __typename`).join(' ')} }`),
    fc.integer({ min: 21, max: 5_000 }).map((count) => `{ __typename${' @include(if: true)'.repeat(count)} }`),
    fc.constant('query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }'),
    fc.oneof(fc.bigInt({ min: -(10n ** 400n), max: 10n ** 400n }), fc.double()).map((first) => `{ incidents(first: ${first}) { edges { node { id } } } }`),
    fc.string({ unit: 'binary', maxLength: 200 }).map((text) => `{ incident(id: ${JSON.stringify(text)}) { id title } }`),
    fc.string({ unit: 'binary', maxLength: 200 }).map((text) => `{ incident(id: "\u0000${text}") { id } }`),
    fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,40}$/).map((name) => `{ ${name} }`),
    fc.string({ unit: 'binary', maxLength: 500 }),
    fc.constantFrom(...operations).chain((operation) => fc.constantFrom(...operation.documents)),
  );
}

/** Variables of the wrong types and sizes: anything JSON can hold, huge strings, NUL bytes. */
function hostileVariables(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.jsonValue({ maxDepth: 4 }),
    fc.dictionary(fc.string({ maxLength: 20 }), fc.oneof(fc.jsonValue(), fc.string({ unit: 'binary' }), fc.constant('\u0000'))),
    fc.record({ id: fc.anything(), input: fc.object(), first: fc.oneof(fc.double(), fc.bigInt().map(String), fc.constant(1e308)) }),
    fc.integer({ min: 1_000, max: 300_000 }).map((size) => ({ input: { title: 'x'.repeat(size) } })),
  );
}

function graphqlBody(operations: readonly Operation[]): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(
    {
      query: fc.oneof(hostileDocument(operations), fc.anything()),
      variables: hostileVariables(),
      operationName: fc.oneof(fc.string({ unit: 'binary', maxLength: 50 }), fc.anything()),
      extensions: fc.anything({ maxDepth: 2 }),
    },
    { requiredKeys: ['query'] },
  );
}

/** A body: GraphQL requests, batches of them, broken JSON, deep JSON, raw bytes, huge ones. */
function hostileBody(operations: readonly Operation[]): fc.Arbitrary<Buffer> {
  const json = (value: unknown) => Buffer.from(JSON.stringify(value));
  return fc.oneof(
    graphqlBody(operations).map(json),
    fc.array(graphqlBody(operations), { minLength: 2, maxLength: 40 }).map(json),
    fc.string({ unit: 'binary', maxLength: 300 }).map((text) => Buffer.from(`{"query": ${text}`)),
    fc.uint8Array({ maxLength: 2_000 }).map((bytes) => Buffer.from(bytes)),
    fc.integer({ min: 1_000, max: 120_000 }).map((depth) => Buffer.from(`${'['.repeat(depth)}${']'.repeat(depth)}`)),
    fc.integer({ min: 1_000, max: 60_000 }).map((depth) => Buffer.from(`{"query":"{ __typename }","variables":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`)),
    fc.integer({ min: 200_000, max: 400_000 }).map((size) => json({ query: '{ __typename }', variables: { pad: 'x'.repeat(size) } })),
    fc.string({ unit: 'binary', maxLength: 200 }).map((text) => Buffer.from(JSON.stringify({ query: `{ __typename }` }).replace('__typename', text), 'latin1')),
  );
}

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'application/json; charset=klingon',
  'application/graphql',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
];

/** Requests to /graphql with hostile bodies, content types, encodings and credentials. */
export function hostileHttpRequest(operations: readonly Operation[], tokens: readonly string[]): fc.Arbitrary<HostileHttpRequest> {
  const headers = fc.record(
    {
      'content-type': fc.constantFrom(...CONTENT_TYPES),
      'content-encoding': fc.constantFrom('gzip', 'deflate', 'br', 'compress', 'identity'),
      authorization: fc.oneof(fc.constantFrom(...tokens.map((token) => `Bearer ${token}`)), fc.string({ maxLength: 100 }).map((text) => `Bearer ${text}`)),
      accept: fc.constantFrom('application/graphql-response+json', 'application/json', '*/*'),
    },
    { requiredKeys: ['accept'] },
  );
  const post = fc.record({ method: fc.constant('POST' as const), path: fc.constant('/graphql'), headers, body: hostileBody(operations) });
  const get = fc
    .tuple(hostileDocument(operations), hostileVariables(), headers)
    .map(([query, variables, headers]) => ({
      method: 'GET' as const,
      path: `/graphql?${new URLSearchParams({ query, variables: JSON.stringify(variables) ?? '' }).toString()}`.slice(0, 7_000),
      headers,
    }));
  return fc.oneof({ arbitrary: post, weight: 5 }, { arbitrary: get, weight: 1 });
}

/** graphql-ws frames after the connection is acknowledged: each must be answered or end the socket. */
export function hostileWebSocketFrame(operations: readonly Operation[]): fc.Arbitrary<Buffer> {
  const subscribe = (payload: unknown) => Buffer.from(JSON.stringify({ id: 'probe', type: 'subscribe', payload }));
  return fc.oneof(
    // Queries (not subscriptions) over the socket: answered with a result or errors, then completed.
    fc.record({ query: hostileDocument(operations).filter((query) => !/^\s*subscription/.test(query)), variables: hostileVariables() }).map(subscribe),
    fc.record({ query: fc.anything(), variables: fc.anything() }).map(subscribe),
    fc.jsonValue().map((value) => Buffer.from(JSON.stringify(value))),
    fc.uint8Array({ maxLength: 1_000 }).map((bytes) => Buffer.from(bytes)),
    fc.integer({ min: 262_145, max: 1_000_000 }).map((size) => subscribe({ query: `{ __typename }`, variables: { pad: 'x'.repeat(size) } })),
  );
}
