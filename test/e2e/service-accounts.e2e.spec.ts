import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { graphql, wsClient } from './support/graphql-client.js';
import { errorCode } from './support/incident-api.js';
import { createServiceAccount, createServiceAccountAs, SERVICE_ACCOUNT_FIELDS } from './support/service-account-api.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const LIST = `query List($after: String) { serviceAccounts(consistentWith: $after) { ${SERVICE_ACCOUNT_FIELDS} } }`;
const ROTATE = `mutation Rotate($input: RotateServiceAccountSecretInput!) {
  rotateServiceAccountSecret(input: $input) { serviceAccountId credential version position serviceAccount { state secretRotated { by } } }
}`;
const REVOKE = `mutation Revoke($input: RevokeServiceAccountInput!) {
  revokeServiceAccount(input: $input) { serviceAccountId version position serviceAccount { state revoked { by reason } } }
}`;
const HISTORY = `query History($id: ID!) { history(recordId: $id) { type data metadata { actor origin serviceAccountId } } }`;
const OPEN = 'mutation { openIncident(input: { title: "Disk full", impact: 2, urgency: 2 }) { incidentId } }';

describe('service accounts: automation identities a tenant admin manages', () => {
  let app: TestApp;
  let admin: string;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await app.token('acme', ['admin']);
  });
  afterAll(async () => app?.close());

  const rotate = async (token: string, id: string) => graphql<{ rotateServiceAccountSecret: { credential: string; position: string } }>(app.url, ROTATE, { input: { id } }, token);
  const revoke = async (token: string, id: string) => graphql<{ revokeServiceAccount: { position: string; serviceAccount: unknown } }>(app.url, REVOKE, { input: { id, reason: 'Leaked in a build log' } }, token);
  const unauthenticatedReason = (response: Awaited<ReturnType<typeof graphql>>) => {
    expect(errorCode(response)).toBe('UNAUTHENTICATED');
    return response.errors![0]!.extensions!.reason;
  };

  it('gives the credential once; commands it sends carry origin automation and the account id', async () => {
    const account = await createServiceAccount(app, 'acme', { roles: ['automation', 'agent'] });
    expect(account.credential).toMatch(new RegExp(`^itsmsa\\.acme\\.${account.serviceAccountId}\\.[A-Za-z0-9_-]{43}$`));
    expect(account.serviceAccount).toMatchObject({ number: 'SVC0001001', roles: ['automation', 'agent'], state: 'ACTIVE', created: { by: 'admin-1@acme' } });

    const opened = await graphql<{ openIncident: { incidentId: string } }>(app.url, OPEN, {}, account.credential);
    expect(opened.errors).toBeUndefined();
    const history = await graphql<{ history: { metadata: Record<string, unknown> }[] }>(app.url, HISTORY, { id: opened.data!.openIncident.incidentId }, admin);
    expect(history.data!.history[0]!.metadata).toEqual({
      actor: `service-account:${account.serviceAccountId}`,
      origin: 'automation',
      serviceAccountId: account.serviceAccountId,
    });

    const listed = await graphql<{ serviceAccounts: unknown[] }>(app.url, LIST, { after: account.position }, admin);
    expect(listed.errors).toBeUndefined();
    const secret = account.credential.split('.').at(-1)!;
    expect(JSON.stringify(listed)).not.toContain(secret);
    expect(JSON.stringify(listed)).not.toContain('scrypt');
    expect(listed.data!.serviceAccounts).toContainEqual(expect.objectContaining({ id: account.serviceAccountId }));
  });

  it('refuses every role but admin to manage accounts, and lets auditors list them', async () => {
    const account = await createServiceAccount(app, 'acme');
    for (const role of ['agent', 'automation', 'auditor', 'requester'] as const) {
      const token = await app.token('acme', [role]);
      expect(errorCode(await createServiceAccountAs(app, token, { name: 'x', roles: ['automation'] }))).toBe('FORBIDDEN');
      expect(errorCode(await rotate(token, account.serviceAccountId))).toBe('FORBIDDEN');
      expect(errorCode(await revoke(token, account.serviceAccountId))).toBe('FORBIDDEN');
    }
    expect(errorCode(await graphql(app.url, LIST, {}, await app.token('acme', ['agent'])))).toBe('FORBIDDEN');
    expect((await graphql(app.url, LIST, {}, await app.token('acme', ['auditor']))).errors).toBeUndefined();
    // A service account with the admin role is an admin like any other.
    const adminAccount = await createServiceAccount(app, 'acme', { roles: ['admin'] });
    expect((await createServiceAccountAs(app, adminAccount.credential, { name: 'CI', roles: ['automation'] })).errors).toBeUndefined();
  });

  it("keeps another tenant's admin from seeing, rotating or revoking an account (NOT_FOUND)", async () => {
    const account = await createServiceAccount(app, 'acme');
    const otherAdmin = await app.token('globex', ['admin']);
    expect(errorCode(await rotate(otherAdmin, account.serviceAccountId))).toBe('NOT_FOUND');
    expect(errorCode(await revoke(otherAdmin, account.serviceAccountId))).toBe('NOT_FOUND');
    expect(errorCode(await graphql(app.url, HISTORY, { id: account.serviceAccountId }, otherAdmin))).toBe('NOT_FOUND');
    const listed = await graphql<{ serviceAccounts: { id: string }[] }>(app.url, LIST, { after: account.position }, otherAdmin);
    expect(listed.data!.serviceAccounts).toEqual([]);
    // Nor can a credential be pointed at another tenant.
    const forged = account.credential.replace('itsmsa.acme.', 'itsmsa.globex.');
    expect(unauthenticatedReason(await graphql(app.url, OPEN, {}, forged))).toBe('bad_secret');
  });

  it('stops a rotated secret on the very next request; the new one works', async () => {
    const account = await createServiceAccount(app, 'acme');
    expect((await graphql(app.url, OPEN, {}, account.credential)).errors).toBeUndefined();
    const rotated = await rotate(admin, account.serviceAccountId);
    expect(rotated.errors).toBeUndefined();
    expect(unauthenticatedReason(await graphql(app.url, OPEN, {}, account.credential))).toBe('rotated');
    expect((await graphql(app.url, OPEN, {}, rotated.data!.rotateServiceAccountSecret.credential)).errors).toBeUndefined();
    const wrong = `${account.credential.slice(0, -4)}AAAA`;
    expect(unauthenticatedReason(await graphql(app.url, OPEN, {}, wrong))).toBe('bad_secret');
  });

  it('refuses a revoked account at once, over HTTP and on an open WebSocket', async () => {
    const account = await createServiceAccount(app, 'acme');
    const client = wsClient(app.url, account.credential);
    const run = () =>
      new Promise<{ data?: unknown; errors?: readonly { extensions?: Record<string, unknown> }[] }>((resolve) => {
        let result: unknown;
        client.subscribe(
          { query: 'query { serviceAccounts { id } }' },
          { next: (value) => (result = value), error: (error) => resolve({ errors: error as never }), complete: () => resolve(result as never) },
        );
      });
    let connected!: () => void;
    const live = createClient({
      url: `${app.url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${account.credential}` },
      retryAttempts: 0,
      on: { connected: () => connected() },
    });
    const closed = new Promise<{ code: number; reason: string }>((resolve) => live.on('closed', (event) => resolve(event as never)));
    await new Promise<void>((resolve) => {
      connected = resolve;
      live.subscribe({ query: 'subscription { incidentsChanged { id } }' }, { next: () => undefined, error: () => undefined, complete: () => undefined });
    });
    try {
      expect((await run()).errors).toBeDefined(); // automation may not list accounts: FORBIDDEN, yet authenticated
      const before = await graphql(app.url, OPEN, {}, account.credential);
      expect(before.errors).toBeUndefined();
      const revoked = await revoke(admin, account.serviceAccountId);
      expect(revoked.data!.revokeServiceAccount.serviceAccount).toEqual({ state: 'REVOKED', revoked: { by: 'admin-1@acme', reason: 'Leaked in a build log' } });
      expect(unauthenticatedReason(await graphql(app.url, OPEN, {}, account.credential))).toBe('revoked');
      const refused = await run();
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'revoked' });
      // A subscription already running is cut once the revocation is projected.
      expect(await closed).toMatchObject({ code: 4401, reason: 'Service account revoked' });
      expect(errorCode(await revoke(admin, account.serviceAccountId))).toBe('INVALID_TRANSITION');
      expect(errorCode(await rotate(admin, account.serviceAccountId))).toBe('INVALID_TRANSITION');
    } finally {
      await client.dispose();
      await live.dispose();
    }
  });

  it('stops an account at its expiry', async () => {
    const expiresAt = new Date(app.clock.now().getTime() + 3_600_000).toISOString();
    const account = await createServiceAccount(app, 'acme', { expiresAt });
    expect((await graphql(app.url, OPEN, {}, account.credential)).errors).toBeUndefined();
    app.clock.advance(3_600_000);
    expect(unauthenticatedReason(await graphql(app.url, OPEN, {}, account.credential))).toBe('expired');
    expect(errorCode(await createServiceAccountAs(app, admin, { name: 'late', roles: ['automation'], expiresAt }))).toBe('BAD_USER_INPUT');
  });

  it('shows an auditor who created, rotated and revoked which account', async () => {
    const account = await createServiceAccount(app, 'acme');
    await rotate(admin, account.serviceAccountId);
    await revoke(await app.token('acme', ['admin'], 'bob@acme'), account.serviceAccountId);
    const history = await graphql<{ history: { type: string; metadata: { actor: string } }[] }>(
      app.url,
      HISTORY,
      { id: account.serviceAccountId },
      await app.token('acme', ['auditor']),
    );
    expect(history.data!.history.map(({ type, metadata }) => [type, metadata.actor])).toEqual([
      ['service-account.created.v1', 'admin-1@acme'],
      ['service-account.secret-rotated.v1', 'admin-1@acme'],
      ['service-account.revoked.v1', 'bob@acme'],
    ]);
    expect(JSON.stringify(history)).not.toContain(account.credential.split('.').at(-1)!);
  });
});
