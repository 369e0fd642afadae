import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { wsClient } from './support/graphql-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const LIST = '{ incidents(first: 1) { edges { node { id } } } }';

interface Answer {
  readonly code: string;
  readonly status: number;
  readonly retryAfterHeader: string | null;
  readonly extensions?: Record<string, unknown>;
}

/** Sends `count` operations at once (well within one second) and returns each answer. */
async function burst(app: TestApp, token: string, count: number): Promise<Answer[]> {
  const send = async (): Promise<Answer> => {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: LIST }),
    });
    const body = (await response.json()) as { errors?: { extensions: Record<string, unknown> }[] };
    const extensions = body.errors?.[0]?.extensions;
    return { code: String(extensions?.code ?? 'OK'), status: response.status, retryAfterHeader: response.headers.get('retry-after'), extensions };
  };
  return Promise.all(Array.from({ length: count }, send));
}

const codes = (answers: Answer[]) => answers.map((answer) => answer.code);

describe('Rate limits per principal and per tenant', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({
      RATE_LIMIT_PRINCIPAL_PER_SECOND: '3',
      RATE_LIMIT_PRINCIPAL_BURST: '0',
      RATE_LIMIT_TENANT_PER_SECOND: '5',
      RATE_LIMIT_TENANT_BURST: '0',
    });
  });
  afterAll(async () => app?.close());

  it('answers RATE_LIMITED with 429 and Retry-After once a principal is over its rate', async () => {
    const token = await app.token('rate-a', ['agent'], 'busy@rate-a');
    const answers = await burst(app, token, 4);
    expect(codes(answers).filter((code) => code === 'OK')).toHaveLength(3);
    const refused = answers.filter((answer) => answer.code === 'RATE_LIMITED');
    expect(refused).toHaveLength(1);
    expect(refused[0]?.status).toBe(429);
    expect(Number(refused[0]?.retryAfterHeader)).toBeGreaterThanOrEqual(1);
    expect(refused[0]?.extensions).toMatchObject({ scope: 'principal', retryAfter: expect.any(Number) });
    expect(refused[0]?.extensions).not.toHaveProperty('http');
  });

  it('limits a whole tenant, and leaves other tenants alone', async () => {
    const tokens = await Promise.all(['one', 'two', 'three'].map((name) => app.token('rate-b', ['agent'], `${name}@rate-b`)));
    const answered = codes((await Promise.all(tokens.map((token) => burst(app, token, 2)))).flat());
    expect(answered.filter((code) => code === 'OK')).toHaveLength(5);
    expect(answered.filter((code) => code === 'RATE_LIMITED')).toHaveLength(1);

    const other = await app.token('rate-c', ['agent']);
    expect(codes(await burst(app, other, 3))).toEqual(['OK', 'OK', 'OK']);
  });

  it('counts operations over WebSocket too', async () => {
    const token = await app.token('rate-d', ['agent']);
    const client = wsClient(app.url, token);
    try {
      const answered = await Promise.all(
        Array.from(
          { length: 4 },
          () =>
            new Promise<string>((resolve) =>
              client.subscribe(
                { query: LIST },
                {
                  next: () => resolve('OK'),
                  error: (errors) => resolve(String((errors as { extensions?: { code?: string } }[])[0]?.extensions?.code)),
                  complete: () => undefined,
                },
              ),
            ),
        ),
      );
      expect(answered.filter((code) => code === 'RATE_LIMITED')).toHaveLength(1);
    } finally {
      await client.dispose();
    }
  });
});

describe('Production defaults', () => {
  it('sends security headers with a content policy that lets nothing load', async () => {
    const app = await startTestApp({ NODE_ENV: 'production' });
    try {
      const response = await fetch(`${app.url}/graphql?query=%7B__typename%7D`, { headers: { accept: 'text/html' } });
      expect(response.headers.get('content-type')).not.toMatch(/html/);
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('strict-transport-security')).toMatch(/max-age=/);
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    } finally {
      await app.close();
    }
  });
});
