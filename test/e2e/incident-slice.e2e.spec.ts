import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { graphql } from './support/graphql-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const OPEN = `mutation Open($input: OpenIncidentInput!) {
  openIncident(input: $input) { version position incident { id number state priority title callerId sla { response { status dueAt } } } }
}`;
const GET = `query Get($id: ID!, $at: String) { incident(id: $id, consistentWith: $at) { id number state title version } }`;

describe('incident slice: openIncident to incident(id) through the event store and projector', () => {
  let app: TestApp;
  let agent: string;

  beforeAll(async () => {
    app = await startTestApp();
    agent = await app.token('acme', ['agent']);
  });
  afterAll(async () => app?.close());

  it('opens an incident and reads it back from the read model', async () => {
    const opened = await graphql<{ openIncident: { version: string; position: string; incident: Record<string, unknown> } }>(
      app.url,
      OPEN,
      { input: { title: 'Mail server down', description: 'No mail since 9:00', impact: 1, urgency: 1, serviceId: 'svc-mail' } },
      agent,
    );
    expect(opened.errors).toBeUndefined();
    expect(opened.contentType).toContain('application/graphql-response+json');
    const payload = opened.data!.openIncident;
    expect(payload.version).toBe('0');
    expect(payload.incident).toMatchObject({ number: 'INC0001001', state: 'NEW', priority: 'P1', title: 'Mail server down' });
    expect(payload.incident.sla).toEqual({ response: { status: 'RUNNING', dueAt: '2026-03-02T09:15:00.000Z' } });

    const read = await graphql(app.url, GET, { id: payload.incident.id, at: payload.position }, agent);
    expect(read.data).toEqual({
      incident: { id: payload.incident.id, number: 'INC0001001', state: 'NEW', title: 'Mail server down', version: '0' },
    });
  });

  it('refuses a consistentWith position of another event store with BAD_USER_INPUT', async () => {
    const opened = await graphql<{ openIncident: { position: string; incident: { id: string } } }>(
      app.url,
      OPEN,
      { input: { title: 'Printer jam', impact: 3, urgency: 3 } },
      agent,
    );
    const { position, incident } = opened.data!.openIncident;
    const [kind, instance, offset] = position.split('.');
    expect(kind).toBe('pg');
    const otherInstance = instance === 'ffffffff' ? '00000000' : 'ffffffff';
    for (const foreign of [`es.${instance}.${offset}`, `pg.${otherInstance}.${offset}`]) {
      const read = await graphql(app.url, GET, { id: incident.id, at: foreign }, agent);
      expect(read.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'consistentWith' });
      expect(read.errors?.[0]?.message).toMatch(/another event store/);
    }
    const untagged = await graphql(app.url, GET, { id: incident.id, at: offset }, agent);
    expect(untagged.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'consistentWith' });
  });

  it('numbers incidents per tenant', async () => {
    const other = await app.token('globex', ['agent']);
    const first = await graphql<{ openIncident: { incident: { number: string } } }>(
      app.url,
      OPEN,
      { input: { title: 'VPN flaky', impact: 2, urgency: 2 } },
      other,
    );
    expect(first.data?.openIncident.incident.number).toBe('INC0001001');
  });

  it('answers UNAUTHENTICATED without a token and BAD_USER_INPUT on invalid input, appending nothing', async () => {
    const anonymous = await graphql(app.url, OPEN, { input: { title: 'x', impact: 1, urgency: 1 } });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const invalid = await graphql(app.url, OPEN, { input: { title: '', impact: 7, urgency: 1 } }, agent);
    expect(invalid.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(invalid)).not.toContain('    at ');
    const { rows } = await app.database.pool.query(
      "SELECT count(*)::int AS n FROM es_events WHERE type = 'incident.opened.v1'",
    );
    expect(rows[0].n).toBe(3);
  });

  it('serves Prometheus metrics: operations by outcome, projections', async () => {
    const response = await fetch(`${app.url}/metrics`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toMatch(/itsm_graphql_operations_total\{operation="Open",type="mutation",code="OK"\} [1-9]/);
    expect(text).toMatch(/itsm_graphql_operations_total\{operation="Open",type="mutation",code="BAD_USER_INPUT"\} 1/);
    expect(text).toMatch(/itsm_projection_events_applied\{projection="incidents"\} [1-9]/);
    expect(text).toContain('itsm_process_cpu_seconds_total');
  });

  it('serves /health', async () => {
    const response = await fetch(`${app.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', eventStore: 'up', readModel: 'up' });
  });
});

describe('GraphQL over HTTP conformance', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => app?.close());

  it('answers queries sent with GET, in the graphql-response media type', async () => {
    const token = await app.token('acme', ['agent']);
    const response = await fetch(`${app.url}/graphql?query=${encodeURIComponent('{ incidents(first: 1) { edges { cursor } } }')}`, {
      headers: { accept: 'application/graphql-response+json', authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/graphql-response+json');
    expect(await response.json()).toEqual({ data: { incidents: { edges: [] } } });
  });

  it('refuses a mutation sent with GET and a document that does not parse, with a 4xx and no stack', async () => {
    const token = await app.token('acme', ['agent']);
    const mutation = encodeURIComponent('mutation { openIncident(input: {title: "x", impact: 1, urgency: 1}) { version } }');
    const viaGet = await fetch(`${app.url}/graphql?query=${mutation}`, {
      headers: { accept: 'application/graphql-response+json', authorization: `Bearer ${token}` },
    });
    expect(viaGet.status).toBe(405);
    const unparsable = await graphql(app.url, '{ incidents(first: ', {}, token);
    expect(unparsable.status).toBe(400);
    expect(unparsable.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(JSON.stringify(unparsable)).not.toMatch(/\n\s+at /);
  });
});
