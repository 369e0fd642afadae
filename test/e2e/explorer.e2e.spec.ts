import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from './support/test-app.js';

/** What Chromium and Firefox send when a person opens a URL. */
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const CLIENT_ACCEPTS = ['application/json', 'application/graphql-response+json', '*/*'];

interface Answer {
  readonly status: number;
  readonly contentType: string | null;
  readonly body: string;
}

async function getGraphql(app: TestApp, accept: string, search = '?query=%7B__typename%7D'): Promise<Answer> {
  const response = await fetch(`${app.url}/graphql${search}`, { headers: { accept } });
  return { status: response.status, contentType: response.headers.get('content-type'), body: await response.text() };
}

describe('GraphiQL explorer at GET /graphql', () => {
  let development: TestApp;
  let production: TestApp;

  beforeAll(async () => {
    [development, production] = await Promise.all([startTestApp(), startTestApp({ NODE_ENV: 'production' })]);
  });
  afterAll(async () => {
    await Promise.all([development?.close(), production?.close()]);
  });

  it.each(['', '?query=%7B__typename%7D'])('opens for a browser outside production, as one self-contained page (%s)', async (search) => {
    const answer = await getGraphql(development, BROWSER_ACCEPT, search);
    expect(answer.status).toBe(200);
    expect(answer.contentType).toMatch(/^text\/html/);
    expect(answer.body).toContain('YogaGraphiQL.renderYogaGraphiQL');
    expect(answer.body).toContain('graphqlWs.createClient');
    expect(answer.body).not.toMatch(/<(script|link|img|iframe)\b[^>]*\s(src|href)=["']?(https?:)?\/\//i);
  });

  it.each(CLIENT_ACCEPTS)('leaves GraphQL GET with Accept %s exactly as in production', async (accept) => {
    const answer = await getGraphql(development, accept);
    expect(JSON.parse(answer.body)).toEqual({ data: { __typename: 'Query' } });
    expect(answer).toEqual(await getGraphql(production, accept));
  });

  it('is absent in production: a browser GET is a normal GraphQL GET', async () => {
    const answer = await getGraphql(production, BROWSER_ACCEPT);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ data: { __typename: 'Query' } });
  });
});
