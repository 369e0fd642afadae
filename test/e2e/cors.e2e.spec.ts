import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from './support/test-app.js';

const FRONT_END_HEADERS = 'authorization,content-type,x-correlation-id,accept';

/** The preflight a browser sends before a JSON POST with a token from another origin. */
function preflight(app: TestApp, origin: string): Promise<Response> {
  return fetch(`${app.url}/graphql`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': FRONT_END_HEADERS,
    },
  });
}

function crossOriginQuery(app: TestApp, origin: string, token: string): Promise<Response> {
  return fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { origin, authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ tenantSettings { isDefault } }' }),
  });
}

function corsHeaders(response: Response): string[] {
  return [...response.headers.keys()].filter((name) => name.startsWith('access-control-'));
}

describe('CORS outside production: front ends on local ports may call the API', () => {
  let app: TestApp;
  let token: string;

  beforeAll(async () => {
    app = await startTestApp();
    token = await app.token('acme', ['agent']);
  });
  afterAll(async () => app?.close());

  it.each(['http://localhost:5173', 'http://127.0.0.1:8080'])('answers a preflight from %s', async (origin) => {
    const response = await preflight(app, origin);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(origin);
    expect(response.headers.get('access-control-allow-methods')?.split(',')).toEqual(['GET', 'POST']);
    expect(response.headers.get('access-control-allow-headers')?.split(',')).toEqual(
      expect.arrayContaining(FRONT_END_HEADERS.split(',')),
    );
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    expect(response.headers.get('vary')).toContain('Origin');
  });

  it('gives a preflight from another site no CORS header, so the browser refuses the call', async () => {
    const response = await preflight(app, 'https://evil.example');
    expect(response.status).not.toBe(204);
    expect(corsHeaders(response)).toEqual([]);
  });

  it('lets an allowed origin read the answer of the real request', async () => {
    const response = await crossOriginQuery(app, 'http://localhost:5173', token);
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(await response.json()).toEqual({ data: { tenantSettings: { isDefault: true } } });
  });

  it('sends another site no CORS header on the real request either', async () => {
    const response = await crossOriginQuery(app, 'https://evil.example', token);
    expect(corsHeaders(response)).toEqual([]);
  });
});

describe('CORS in production: only the origins in CORS_ORIGINS', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ NODE_ENV: 'production', CORS_ORIGINS: 'https://desk.example.com' });
  });
  afterAll(async () => app?.close());

  it('answers a preflight from a configured origin', async () => {
    const response = await preflight(app, 'https://desk.example.com');
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://desk.example.com');
  });

  it('refuses local ports, which only development allows by default', async () => {
    const response = await preflight(app, 'http://localhost:5173');
    expect(corsHeaders(response)).toEqual([]);
  });
});
