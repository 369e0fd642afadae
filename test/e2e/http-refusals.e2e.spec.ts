import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { gzipSync } from 'node:zlib';
import { BODY_LIMIT_BYTES } from '../../apps/api/src/http/configure-http-edge.js';
import { recordErrorLog, type ErrorLog } from './support/error-log.js';
import { rawRequest, type RawResponse } from './support/raw-http.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const GRAPHQL_RESPONSE = 'application/graphql-response+json';
const TYPENAME = JSON.stringify({ query: '{ __typename }' });

/** A refusal: a GraphQL response with one coded error, no `data`, no stack. */
function expectRefusal(response: RawResponse, status: number, code: string): void {
  expect({ status: response.status, body: response.json }).toEqual({
    status,
    body: { errors: [{ message: expect.any(String), extensions: { code } }] },
  });
  expect(response.text).not.toMatch(/\n\s+at /);
}

describe('refusals made before GraphQL runs, and of what this API does not serve over HTTP', () => {
  let app: TestApp;
  let authorization: string;
  let log: ErrorLog;

  beforeAll(async () => {
    app = await startTestApp();
    authorization = `Bearer ${await app.token('acme', ['agent'])}`;
  });
  afterAll(async () => app?.close());

  // Every refusal here answers input a caller chose: none may log an error or a stack.
  beforeEach(() => {
    log = recordErrorLog();
  });
  afterEach(() => {
    log.stop();
    expect(log.requestErrors()).toEqual([]);
  });

  const post = (body: string | Buffer, headers: Record<string, string> = {}) =>
    rawRequest(app.url, { headers: { 'content-type': 'application/json', accept: GRAPHQL_RESPONSE, authorization, ...headers }, body });

  it.each<[string, string | Buffer, Record<string, string>, number, string]>([
    ['a body over the limit', JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(BODY_LIMIT_BYTES) } }), {}, 413, 'PAYLOAD_TOO_LARGE'],
    ['a body that is not JSON', '{ "query": ', {}, 400, 'BAD_REQUEST'],
    ['a JSON body that is not an object', '"{ __typename }"', {}, 400, 'BAD_REQUEST'],
    ['an unsupported charset', TYPENAME, { 'content-type': 'application/json; charset=latin-9' }, 415, 'BAD_REQUEST'],
    ['a gzip body that is not gzip', TYPENAME, { 'content-encoding': 'gzip' }, 400, 'BAD_REQUEST'],
    ['an unsupported content encoding', TYPENAME, { 'content-encoding': 'compress' }, 415, 'BAD_REQUEST'],
    ['a form body over the limit', `query=${'x'.repeat(BODY_LIMIT_BYTES)}`, { 'content-type': 'application/x-www-form-urlencoded' }, 413, 'PAYLOAD_TOO_LARGE'],
  ])('refuses %s with a coded GraphQL error', async (_case, body, headers, status, code) => {
    const response = await post(body, headers);
    expectRefusal(response, status, code);
    expect(response.contentType).toBe(`${GRAPHQL_RESPONSE}; charset=utf-8`);
  });

  it('answers a refusal in application/json to a client that accepts only that, or says nothing', async () => {
    const onlyJson = await post('{ nope', { accept: 'application/json' });
    const noAccept = await rawRequest(app.url, { headers: { 'content-type': 'application/json', authorization }, body: '{ nope' });
    for (const response of [onlyJson, noAccept]) {
      expectRefusal(response, 400, 'BAD_REQUEST');
      expect(response.contentType).toBe('application/json; charset=utf-8');
    }
  });

  it("still takes a compressed body, and one over Express's default 100 kB within the limit", async () => {
    const compressed = await post(gzipSync(TYPENAME), { 'content-encoding': 'gzip' });
    expect(compressed.json).toEqual({ data: { __typename: 'Query' } });
    const large = await post(JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(150_000) } }));
    expect(large.json).toEqual({ data: { __typename: 'Query' } });
  });

  it('refuses request headers too large for Node (431) with a coded GraphQL error', async () => {
    const response = await post(TYPENAME, { 'x-padding': 'x'.repeat(32 * 1024) });
    expectRefusal(response, 431, 'HEADERS_TOO_LARGE');
    expect(response.contentType).toBe('application/json; charset=utf-8');
  });

  it('refuses automatic persisted queries with PERSISTED_QUERY_NOT_SUPPORTED, with or without the document', async () => {
    const persistedQuery = { version: 1, sha256Hash: 'ecf4edb46db40b5132295c0291d62fb65d6759a9eedfa4d5d612dd5ec54a6b38' };
    for (const body of [{ extensions: { persistedQuery } }, { query: '{ __typename }', extensions: { persistedQuery } }]) {
      expectRefusal(await post(JSON.stringify(body)), 200, 'PERSISTED_QUERY_NOT_SUPPORTED');
    }
  });

  it('refuses a subscription sent over HTTP, pointing to graphql-ws', async () => {
    const subscription = 'subscription { incidentsChanged { id } }';
    const viaPost = await post(JSON.stringify({ query: subscription }));
    expectRefusal(viaPost, 400, 'SUBSCRIPTION_OVER_HTTP_NOT_SUPPORTED');
    expect((viaPost.json as { errors: { message: string }[] }).errors[0]!.message).toContain('graphql-ws');

    const legacy = await post(JSON.stringify({ query: subscription }), { accept: 'application/json' });
    expectRefusal(legacy, 200, 'SUBSCRIPTION_OVER_HTTP_NOT_SUPPORTED');

    const viaGet = await rawRequest(app.url, {
      method: 'GET',
      path: `/graphql?query=${encodeURIComponent(subscription)}`,
      headers: { accept: GRAPHQL_RESPONSE, authorization },
    });
    expectRefusal(viaGet, 405, 'BAD_REQUEST');
  });
});
