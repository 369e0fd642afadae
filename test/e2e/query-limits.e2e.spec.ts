import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from 'graphql-ws';
import WebSocket from 'ws';
import { HEAVIEST_ALLOWED_QUERY, HEAVIEST_ALLOWED_VARIABLES } from '../../bench/heaviest-query.js';
import { graphql, wsClient, type GraphQLResponse } from './support/graphql-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const OPEN = 'openIncident(input: { title: "Alias bomb", impact: 3, urgency: 3 }) { version }';
const LIST = '{ incidents { edges { node { id } } } }';

/** One operation over graphql-ws: its result, or the errors it was refused with. */
function overWebSocket(client: Client, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse> {
  return new Promise((resolve, reject) => {
    let result: GraphQLResponse = { status: 0, contentType: null };
    client.subscribe(
      { query, variables },
      {
        next: (value) => (result = { ...result, ...(value as object) }),
        error: (errors) => (Array.isArray(errors) ? resolve({ ...result, errors }) : reject(errors)),
        complete: () => resolve(result),
      },
    );
  });
}

/** `__type` nests without end (`ofType`), unlike the product's own types. */
const nested = (depth: number): string => (depth === 0 ? 'name' : `ofType { ${nested(depth - 1)} }`);

describe('Query limits, over HTTP and WebSocket alike', () => {
  let app: TestApp;
  let token: string;
  let ws: Client;

  beforeAll(async () => {
    app = await startTestApp();
    token = await app.token('limits', ['agent']);
    ws = wsClient(app.url, token);
  });
  afterAll(async () => {
    await ws?.dispose();
    await app?.close();
  });

  const cases: [string, string, Record<string, unknown>, string][] = [
    ['aliases', `mutation { ${Array.from({ length: 16 }, (_, index) => `a${index}: ${OPEN}`).join(' ')} }`, {}, 'aliases'],
    ['depth', `{ __type(name: "Query") { fields { type { ${nested(9)} } } } }`, {}, 'depth'],
    ['directives', `{ incidents { edges { node { id ${'@include(if: true) '.repeat(21)} } } } }`, {}, 'directives'],
    ['tokens', `{ incidents { edges { node { ${'id '.repeat(2_000)} } } } }`, {}, 'tokens'],
    [
      'cost, with first given as a variable',
      `query($n: Int!) { ${Array.from({ length: 2 }, (_, index) => `p${index}: incidents(first: $n) { edges { node { id title description state priority impact urgency number openedAt updatedAt comments { at author text } workNotes { at author text } timeline { actor at event state } } } }`).join(' ')} }`,
      { n: 100 },
      'cost',
    ],
  ];

  it.each(cases)('refuses an operation over the %s limit with QUERY_TOO_COMPLEX before anything runs', async (_name, query, variables, limit) => {
    const overHttp = await graphql(app.url, query, variables, token);
    expect(overHttp.status).toBe(400);
    expect(overHttp.data).toBeUndefined();
    expect(overHttp.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit });

    const overWs = await overWebSocket(ws, query, variables);
    expect(overWs.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit });

    // Nothing ran: the refused alias bomb opened no incident.
    const listed = await graphql<{ incidents: { edges: unknown[] } }>(app.url, LIST, {}, token);
    expect(listed.data?.incidents.edges).toEqual([]);
  });

  it('weighs each request of the same document by its own variables, and one without variables alike every time', async () => {
    const [, costly, variables] = cases.find(([name]) => name.startsWith('cost'))!;
    const small = await graphql(app.url, costly, { n: 1 }, token);
    expect(small.errors).toBeUndefined();
    const large = await graphql(app.url, costly, variables, token);
    expect(large.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost' });
    const fixed = `{ ${Array.from({ length: 3 }, (_, index) => `p${index}: incidents(first: 100) { edges { node { id title description state comments { at author text } workNotes { at author text } timeline { actor at event state } } } }`).join(' ')} }`;
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const refused = await graphql(app.url, fixed, {}, token);
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost' });
    }
  });

  it('serves the heaviest operation the limits allow, over both transports', async () => {
    const overHttp = await graphql(app.url, HEAVIEST_ALLOWED_QUERY, HEAVIEST_ALLOWED_VARIABLES, token);
    expect(overHttp.errors).toBeUndefined();
    const overWs = await overWebSocket(ws, HEAVIEST_ALLOWED_QUERY, HEAVIEST_ALLOWED_VARIABLES);
    expect(overWs.errors).toBeUndefined();
    expect(overWs.data).toEqual(overHttp.data);
  });

  it('closes a WebSocket whose message is larger than the limit (1009) without reading it as GraphQL', async () => {
    const socket = new WebSocket(`${app.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    const aliases = Array.from({ length: 10_000 }, (_, index) => `a${index}: incidents { edges { node { id } } }`).join(' ');
    socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: `{ ${aliases} }` } }));
    expect(await closed).toBe(1009);
    // The server goes on serving.
    expect((await graphql(app.url, LIST, {}, token)).errors).toBeUndefined();
  });
});

describe('Introspection', () => {
  const INTROSPECT = '{ __schema { queryType { name } } }';

  it.each([
    ['GRAPHQL_INTROSPECTION=false', { GRAPHQL_INTROSPECTION: 'false' }],
    ['production, by default', { NODE_ENV: 'production' }],
  ])('is refused over HTTP and WebSocket with %s', async (_name, environment) => {
    const app = await startTestApp(environment);
    try {
      const token = await app.token('introspection', ['agent']);
      const overHttp = await graphql(app.url, INTROSPECT, {}, token);
      expect(overHttp.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(overHttp.errors?.[0]?.message).toMatch(/introspection/i);
      const ws = wsClient(app.url, token);
      try {
        const overWs = await overWebSocket(ws, INTROSPECT);
        expect(overWs.errors?.[0]?.message).toMatch(/introspection/i);
      } finally {
        await ws.dispose();
      }
    } finally {
      await app.close();
    }
  });

  it('is served outside production', async () => {
    const app = await startTestApp();
    try {
      const answer = await graphql(app.url, INTROSPECT, {}, await app.token('introspection', ['agent']));
      expect(answer.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    } finally {
      await app.close();
    }
  });
});
