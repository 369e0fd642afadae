import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { defaultIncidentSlaPolicy } from '#domain';
import { tenantSettingsStreamId } from '#events';
import { graphql, type GraphQLResponse } from './support/graphql-client.js';
import { change, errorCode, openIncident } from './support/incident-api.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const TARGETS = '{ responseMinutes resolutionMinutes }';
const POLICY = `{ P1 ${TARGETS} P2 ${TARGETS} P3 ${TARGETS} P4 ${TARGETS} P5 ${TARGETS} }`;
const SETTINGS = `query { tenantSettings { incidentSlaPolicy ${POLICY} isDefault } }`;
const CONFIGURE = `mutation Configure($input: ConfigureIncidentSlaPolicyInput!) {
  configureIncidentSlaPolicy(input: $input) { version incidentSlaPolicy ${POLICY} }
}`;
const SLA = `query Sla($id: ID!) { incident(id: $id) { priority sla { response { targetMinutes } resolution { targetMinutes } } } }`;

type Policy = Record<string, { responseMinutes: number; resolutionMinutes: number } | undefined>;

const p2Faster: Policy = { ...defaultIncidentSlaPolicy, P2: { responseMinutes: 10, resolutionMinutes: 60 } };

describe('tenant settings: an admin sets the SLA targets that incidents of the tenant get', () => {
  let app: TestApp;
  let admin: string;
  let agent: string;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await app.token('acme', ['admin']);
    agent = await app.token('acme', ['agent']);
  });
  afterAll(async () => app?.close());

  const settings = async (token: string) => {
    const response = await graphql<{ tenantSettings: { incidentSlaPolicy: Policy; isDefault: boolean } }>(app.url, SETTINGS, {}, token);
    expect(response.errors).toBeUndefined();
    return response.data!.tenantSettings;
  };
  const configure = (token: string, policy: Policy): Promise<GraphQLResponse<{ configureIncidentSlaPolicy: { version: string; incidentSlaPolicy: Policy } }>> =>
    graphql(app.url, CONFIGURE, { input: { policy } }, token);
  const settingsEvents = async (tenant: string) => {
    const { rows } = await app.database.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM es_events WHERE stream_id = $1', [
      tenantSettingsStreamId(tenant),
    ]);
    return rows[0]!.n;
  };
  const slaOf = async (id: string) => {
    const response = await graphql<{ incident: { priority: string; sla: unknown } }>(app.url, SLA, { id }, agent);
    return response.data!.incident;
  };

  it('shows the SPEC defaults to every role until an admin configures a policy', async () => {
    expect(await settings(agent)).toEqual({ incidentSlaPolicy: defaultIncidentSlaPolicy, isDefault: true });
    expect(await settings(await app.token('acme', ['requester']))).toMatchObject({ isDefault: true });
  });

  it('refuses everyone but an admin, appending nothing', async () => {
    for (const roles of [['agent'], ['automation'], ['auditor']] as const) {
      expect(errorCode(await configure(await app.token('acme', [...roles]), p2Faster))).toBe('FORBIDDEN');
    }
    expect(await settingsEvents('acme')).toBe(0);
  });

  it('gives incidents opened or reprioritised afterwards the configured targets', async () => {
    const configured = await configure(admin, p2Faster);
    expect(configured.errors).toBeUndefined();
    expect(configured.data!.configureIncidentSlaPolicy).toEqual({ version: '0', incidentSlaPolicy: p2Faster });
    expect(await settings(agent)).toEqual({ incidentSlaPolicy: p2Faster, isDefault: false });

    const p2 = await openIncident(app, agent, { impact: 1, urgency: 2 });
    expect(await slaOf(p2.incident.id)).toEqual({
      priority: 'P2',
      sla: { response: { targetMinutes: 10 }, resolution: { targetMinutes: 60 } },
    });

    const p3 = await openIncident(app, agent, { impact: 2, urgency: 2 });
    const reprioritized = await change(app, agent, 'reprioritizeIncident', { id: p3.incident.id, impact: 2, urgency: 1, reason: 'Spreading' });
    expect(reprioritized.incident.priority).toBe('P2');
    expect((await slaOf(p3.incident.id)).sla).toEqual({ response: { targetMinutes: 10 }, resolution: { targetMinutes: 60 } });
  });

  it('refuses the policy the tenant already has, appending nothing', async () => {
    expect(errorCode(await configure(admin, p2Faster))).toBe('INVALID_TRANSITION');
    expect(await settingsEvents('acme')).toBe(1);
  });

  it('leaves other tenants on their own settings', async () => {
    const globexAgent = await app.token('globex', ['agent']);
    expect(await settings(globexAgent)).toEqual({ incidentSlaPolicy: defaultIncidentSlaPolicy, isDefault: true });
    const p2 = await openIncident(app, globexAgent, { impact: 1, urgency: 2 });
    const response = await graphql<{ incident: { sla: unknown } }>(app.url, SLA, { id: p2.incident.id }, globexAgent);
    expect(response.data!.incident.sla).toEqual({ response: { targetMinutes: 30 }, resolution: { targetMinutes: 480 } });
  });

  it.each([
    ['a response target longer than the resolution target', { P3: { responseMinutes: 61, resolutionMinutes: 60 } }, 'policy.P3.responseMinutes'],
    ['a zero target', { P1: { responseMinutes: 0, resolutionMinutes: 60 } }, 'policy.P1.responseMinutes'],
    ['a target longer than a year', { P5: { responseMinutes: 60, resolutionMinutes: 525_601 } }, 'policy.P5.resolutionMinutes'],
  ])('refuses %s as BAD_USER_INPUT naming the field, appending nothing', async (_name, override, field) => {
    const response = await configure(admin, { ...p2Faster, ...override });
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors![0]!.extensions!.field).toBe(field);
    expect(await settingsEvents('acme')).toBe(1);
    expect(await settings(agent)).toEqual({ incidentSlaPolicy: p2Faster, isDefault: false });
  });

  it('refuses a policy without every priority as the schema says, appending nothing', async () => {
    const response = await configure(admin, { ...p2Faster, P4: undefined });
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors![0]!.message).toContain('Field "P4" of required type "SlaTargetsInput!" was not provided');
    expect(response.errors![0]!.extensions!.field).toBe('policy.P4');
    expect(await settingsEvents('acme')).toBe(1);
  });
});
