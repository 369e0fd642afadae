import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { wsClient } from './support/graphql-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('subscriptions and token expiry', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => app?.close());

  it('closes a subscription connection with 4401 when the token it was opened with expires', async () => {
    const token = await app.token('acme', ['agent'], 'agent-1@acme', '2s');
    const closed = new Promise<{ code: number; reason: string }>((resolve) => {
      const client = wsClient(app.url, token, (event) => resolve(event as { code: number; reason: string }));
      client.subscribe({ query: 'subscription { incidentsChanged { id } }' }, { next: () => undefined, error: () => undefined, complete: () => undefined });
    });
    const startedAt = Date.now();
    const event = await closed;
    expect(event).toMatchObject({ code: 4401, reason: 'Token expired' });
    expect(Date.now() - startedAt).toBeGreaterThan(500);
  });
});
