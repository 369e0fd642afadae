import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { auditServer } from 'graphql-http';
import { rawRequest } from './support/raw-http.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('GraphQL over HTTP: the graphql-http audit suite against the running app', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => app?.close());

  it('passes every MUST and SHOULD audit', async () => {
    const results = await auditServer({ url: `${app.url}/graphql` });
    const failed = results
      .filter((result) => !result.name.startsWith('MAY') && result.status !== 'ok')
      .map((result) => `${result.name}: ${result.status === 'ok' ? '' : result.reason}`);
    expect(failed).toEqual([]);
    expect(results.filter((result) => result.name.startsWith('SHOULD')).length).toBeGreaterThan(20);
  });

  it.each<[string, string, number, string]>([
    ['a document that does not parse', '{ incidents(first: ', 400, 'GRAPHQL_PARSE_FAILED'],
    ['a document that does not validate', '{ nonsense }', 400, 'GRAPHQL_VALIDATION_FAILED'],
    ['a variable that does not coerce', 'query ($first: Int!) { incidents(first: $first) { edges { cursor } } }', 400, 'BAD_USER_INPUT'],
  ])('answers %s with 400 in application/graphql-response+json and 200 in application/json', async (_case, query, status, code) => {
    const body = JSON.stringify({ query, variables: { first: 'many' } });
    for (const [accept, expected] of [
      ['application/graphql-response+json', status],
      ['application/json', 200],
    ] as const) {
      const response = await rawRequest(app.url, { headers: { 'content-type': 'application/json', accept }, body });
      expect({ accept, status: response.status, contentType: response.contentType }).toEqual({
        accept,
        status: expected,
        contentType: `${accept}; charset=utf-8`,
      });
      expect(response.json).toEqual({ errors: [expect.objectContaining({ extensions: expect.objectContaining({ code }) })] });
    }
  });

  it('keeps 400 in application/json for a request that is not a GraphQL request at all', async () => {
    const response = await rawRequest(app.url, {
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ qeury: '{ __typename }' }),
    });
    expect(response.status).toBe(400);
    expect(response.json).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'BAD_REQUEST' } }] });
  });
});
