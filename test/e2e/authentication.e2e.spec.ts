import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from 'graphql-ws';
import { issueToken } from '../../apps/api/src/auth/token-issuer.js';
import { graphql, wsClient } from './support/graphql-client.js';
import { SubscriptionRecorder } from './support/subscription-recorder.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const QUERY = '{ tenantSettings { isDefault } }';
/** Phrases of the JWT library's own messages, which are not for clients. */
const LIBRARY_WORDING = /check failed|Compact JWS|verification failed|Invalid token/;

describe('UNAUTHENTICATED with a machine-readable reason', () => {
  let app: TestApp;
  const clients: Client[] = [];
  const tokens: Record<string, () => Promise<string | undefined>> = {};

  beforeAll(async () => {
    app = await startTestApp();
    tokens.missing = async () => undefined;
    tokens.malformed = async () => 'Basic YWdlbnQ6c2VjcmV0';
    tokens.expired = async () => `Bearer ${await app.token('acme', ['agent'], 'agent-1@acme', '-10s')}`;
    tokens.bad_signature = async () =>
      `Bearer ${await issueToken('a-secret-this-server-has-never-seen-at-all', { subject: 'ann', tenant: 'acme', roles: ['agent'] })}`;
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await app?.close();
  });

  it.each(['missing', 'malformed', 'expired', 'bad_signature'])('over HTTP: %s', async (reason) => {
    const authorization = await tokens[reason]!();
    const response = await graphql(app.url, QUERY, {}, undefined, authorization ? { authorization } : {});
    expect(response.errors?.map((error) => error.extensions)).toEqual([{ code: 'UNAUTHENTICATED', reason }]);
    expect(response.errors![0]!.message).not.toMatch(LIBRARY_WORDING);
  });

  it.each(['missing', 'expired'])('over graphql-ws, on a refused subscribe: %s', async (reason) => {
    const authorization = await tokens[reason]!();
    const client = wsClient(app.url, authorization?.replace(/^Bearer /, ''));
    clients.push(client);
    const refused = new SubscriptionRecorder(client, 'subscription { incidentsChanged { id } }');
    await refused.ended();
    expect(refused.errors.map((error) => error.extensions)).toEqual([{ code: 'UNAUTHENTICATED', reason }]);
    expect(refused.errors[0]!.message).not.toMatch(LIBRARY_WORDING);
  });
});
