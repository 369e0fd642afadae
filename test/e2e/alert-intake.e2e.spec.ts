import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { graphql, type GraphQLResponse } from './support/graphql-client.js';
import { errorCode } from './support/incident-api.js';
import { createServiceAccount } from './support/service-account-api.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const RAISE = `mutation Raise($input: RaiseAlertInput!) { raiseAlert(input: $input) { incidentId opened occurrences resolved version position } }`;
const CLEAR = `mutation Clear($input: ClearAlertInput!) { clearAlert(input: $input) { incidentId opened occurrences resolved position } }`;
const INCIDENT = `query Incident($id: ID!, $after: String) {
  incident(id: $id, consistentWith: $after) {
    number state priority impact urgency title serviceId callerId resolution { code }
    alert { source fingerprint severity summary occurrences firstSeenAt lastSeenAt clearedAt }
  }
}`;
const POLICY = `mutation Policy($input: ConfigureAlertPolicyInput!) { configureAlertPolicy(input: $input) { alertPolicy { resolveIncidentOnClear } } }`;

interface AlertPayload {
  incidentId: string;
  opened: boolean;
  occurrences: number;
  resolved: boolean;
  position: string;
}

describe('alert intake: monitoring alerts open one incident per fingerprint', () => {
  let app: TestApp;
  let credential: string;
  let accountId: string;
  let agent: string;

  beforeAll(async () => {
    app = await startTestApp();
    ({ credential, serviceAccountId: accountId } = await createServiceAccount(app, 'acme'));
    agent = await app.token('acme', ['agent']);
  });
  afterAll(async () => app?.close());

  const alert = (fingerprint: string, extra: Record<string, unknown> = {}) => ({
    source: 'prometheus',
    fingerprint,
    severity: 'CRITICAL',
    summary: 'API latency above 2 s',
    serviceId: 'api',
    ...extra,
  });
  const raise = (input: Record<string, unknown>, token = credential): Promise<GraphQLResponse<{ raiseAlert: AlertPayload }>> =>
    graphql(app.url, RAISE, { input }, token);
  const raised = async (input: Record<string, unknown>) => {
    const response = await raise(input);
    expect(response.errors).toBeUndefined();
    return response.data!.raiseAlert;
  };
  const clear = (input: Record<string, unknown>): Promise<GraphQLResponse<{ clearAlert: AlertPayload }>> =>
    graphql(app.url, CLEAR, { input }, credential);
  const incident = async ({ incidentId, position }: AlertPayload) => {
    const response = await graphql<{ incident: Record<string, unknown> & { alert: Record<string, unknown> } }>(app.url, INCIDENT, { id: incidentId, after: position }, agent);
    expect(response.errors).toBeUndefined();
    return response.data!.incident;
  };
  const post = async (path: string, body: unknown, token?: string) => {
    const response = await fetch(`${app.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> & { errors?: { extensions: Record<string, unknown> }[] } };
  };

  it('opens exactly one incident for 200 identical alerts sent at once; the rest count on it', async () => {
    const results = await Promise.all(Array.from({ length: 200 }, () => raise(alert('latency-api'))));
    expect(results.filter((result) => result.errors)).toEqual([]);
    const payloads = results.map((result) => result.data!.raiseAlert);
    expect(new Set(payloads.map((payload) => payload.incidentId)).size).toBe(1);
    expect(payloads.filter((payload) => payload.opened)).toHaveLength(1);
    expect(payloads.map((payload) => payload.occurrences).sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, index) => index + 1));
    const { rows } = await app.database.pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM es_events WHERE type = 'incident.opened.v1' AND stream_id LIKE 'incident-acme-%'",
    );
    expect(rows[0]!.n).toBe(1);
    const last = payloads.find((payload) => payload.occurrences === 200)!;
    expect(await incident(last)).toMatchObject({
      state: 'NEW',
      priority: 'P1',
      title: 'API latency above 2 s',
      serviceId: 'api',
      callerId: `service-account:${accountId}`,
      alert: { source: 'prometheus', fingerprint: 'latency-api', severity: 'CRITICAL', occurrences: 200, clearedAt: null },
    });
  });

  it('maps severity to impact and urgency, and shows occurrences and last-seen on the incident', async () => {
    const first = await raised(alert('disk-db', { severity: 'WARNING', summary: 'Disk 80 % full' }));
    expect(await incident(first)).toMatchObject({ impact: 2, urgency: 2, priority: 'P3' });
    app.clock.advance(60_000);
    const second = await raised(alert('disk-db', { severity: 'ERROR', summary: 'Disk 90 % full' }));
    expect(second).toMatchObject({ incidentId: first.incidentId, opened: false, occurrences: 2 });
    const shown = await incident(second);
    expect(shown).toMatchObject({ priority: 'P3', title: 'Disk 80 % full' });
    expect(shown.alert).toMatchObject({ occurrences: 2, severity: 'ERROR', summary: 'Disk 90 % full' });
    expect(Date.parse(String(shown.alert.lastSeenAt)) - Date.parse(String(shown.alert.firstSeenAt))).toBe(60_000);
    expect((await incident(await raised(alert('info-x', { severity: 'INFO' }))))).toMatchObject({ priority: 'P5' });
    expect((await incident(await raised(alert('error-x', { severity: 'ERROR' }))))).toMatchObject({ priority: 'P2' });
  });

  it("records a clear; resolves on it only when the tenant's policy says so; the next alert opens a new incident", async () => {
    const first = await raised(alert('cpu-web'));
    const kept = await clear({ source: 'prometheus', fingerprint: 'cpu-web' });
    expect(kept.data!.clearAlert).toMatchObject({ incidentId: first.incidentId, resolved: false });
    expect((await incident(kept.data!.clearAlert)).alert.clearedAt).not.toBeNull();

    const policy = await graphql(app.url, POLICY, { input: { resolveIncidentOnClear: true } }, await app.token('acme', ['admin']));
    expect(policy.errors).toBeUndefined();
    expect(errorCode(await graphql(app.url, POLICY, { input: { resolveIncidentOnClear: false } }, agent))).toBe('FORBIDDEN');
    const again = await raised(alert('cpu-web'));
    expect(again).toMatchObject({ incidentId: first.incidentId, occurrences: 2 });
    const resolved = await clear({ source: 'prometheus', fingerprint: 'cpu-web' });
    expect(resolved.data!.clearAlert).toMatchObject({ incidentId: first.incidentId, resolved: true });
    expect(await incident(resolved.data!.clearAlert)).toMatchObject({ state: 'RESOLVED', resolution: { code: 'CLEARED_BY_MONITORING' } });

    const next = await raised(alert('cpu-web'));
    expect(next).toMatchObject({ opened: true, occurrences: 1 });
    expect(next.incidentId).not.toBe(first.incidentId);
    expect(errorCode(await clear({ source: 'prometheus', fingerprint: 'never-sent' }))).toBe('NOT_FOUND');
  });

  it('lets only the automation role send alerts, and keeps tenants apart', async () => {
    expect(errorCode(await raise(alert('x'), agent))).toBe('FORBIDDEN');
    expect(errorCode(await raise(alert('x'), await app.token('acme', ['admin'])))).toBe('FORBIDDEN');
    const mine = await raised(alert('shared-fingerprint'));
    const other = await createServiceAccount(app, 'globex');
    const theirs = await raise(alert('shared-fingerprint'), other.credential);
    expect(theirs.data!.raiseAlert).toMatchObject({ opened: true, occurrences: 1 });
    expect(theirs.data!.raiseAlert.incidentId).not.toBe(mine.incidentId);
  });

  it('takes the same alerts over plain HTTP with a service account credential, with coded JSON errors', async () => {
    const first = await post('/alerts', alert('http-check'), credential);
    expect(first).toMatchObject({ status: 200, body: { opened: true, occurrences: 1 } });
    const repeat = await post('/alerts', alert('http-check'), credential);
    expect(repeat).toMatchObject({ status: 200, body: { incidentId: first.body.incidentId, opened: false, occurrences: 2 } });
    const viaGraphql = await raised(alert('http-check'));
    expect(viaGraphql).toMatchObject({ incidentId: first.body.incidentId, occurrences: 3 });

    const cleared = await post('/alerts/clear', { source: 'prometheus', fingerprint: 'http-check' }, credential);
    expect(cleared).toMatchObject({ status: 200, body: { incidentId: first.body.incidentId } });

    const refusals: [string, unknown, string | undefined, number, string][] = [
      ['/alerts', alert('y'), undefined, 401, 'UNAUTHENTICATED'],
      ['/alerts', alert('y'), `${credential.slice(0, -4)}AAAA`, 401, 'UNAUTHENTICATED'],
      ['/alerts', alert('y'), agent, 403, 'FORBIDDEN'],
      ['/alerts', alert('y', { severity: 'HUGE' }), credential, 400, 'BAD_USER_INPUT'],
      ['/alerts', alert('y', { summary: '' }), credential, 400, 'BAD_USER_INPUT'],
      ['/alerts', [alert('y')], credential, 400, 'BAD_USER_INPUT'],
      ['/alerts/clear', { source: 'prometheus', fingerprint: 'never-sent' }, credential, 404, 'NOT_FOUND'],
    ];
    for (const [path, body, token, status, code] of refusals) {
      const answer = await post(path, body, token);
      expect({ path, status: answer.status, code: answer.body.errors?.[0]?.extensions.code }).toEqual({ path, status, code });
    }
  });
});
