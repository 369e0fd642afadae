import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { Client } from 'graphql-ws';
import { recordErrorLog, type ErrorLog } from './support/error-log.js';
import { graphql, wsClient, type GraphQLResponse } from './support/graphql-client.js';
import { countEvents, mutate, openIncident } from './support/incident-api.js';
import { SubscriptionRecorder } from './support/subscription-recorder.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const NUL = 'before\u0000after';
const LONE_SURROGATE = 'before\uD83Dafter';
const LIST = `query List($filter: IncidentFilter, $at: String) {
  incidents(filter: $filter, consistentWith: $at) { edges { node { id } } }
}`;

function expectRefused(response: GraphQLResponse<unknown>, field: string): void {
  expect(response.errors?.map((error) => error.extensions)).toEqual([{ code: 'BAD_USER_INPUT', field }]);
}

describe('text PostgreSQL cannot store (NUL, lone surrogates) in any argument', () => {
  let app: TestApp;
  let agent: string;
  let log: ErrorLog;
  const clients: Client[] = [];

  beforeAll(async () => {
    app = await startTestApp();
    agent = await app.token('acme', ['agent']);
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await app?.close();
  });

  // Any token holder could send these again and again: none may log an error or a stack.
  beforeEach(() => {
    log = recordErrorLog();
  });
  afterEach(() => {
    log.stop();
    expect(log.requestErrors()).toEqual([]);
  });

  it('refuses it in a mutation input field, naming the field and appending nothing', async () => {
    const before = await countEvents(app);
    expectRefused(await mutate(app, agent, 'openIncident', { title: NUL, impact: 1, urgency: 1 }), 'title');
    expectRefused(await mutate(app, agent, 'openIncident', { title: 'Mail down', impact: 1, urgency: 1, callerId: LONE_SURROGATE }), 'callerId');
    expectRefused(await mutate(app, agent, 'openIncident', { title: 'Mail down', impact: 1, urgency: 1, commandId: NUL }), 'commandId');
    const literal = await graphql(app.url, 'mutation { openIncident(input: {title: "a\\u0000b", impact: 1, urgency: 1}) { version } }', {}, agent);
    expectRefused(literal, 'title');
    expect(await countEvents(app)).toBe(before);
  });

  it("refuses it in a change to an existing incident, leaving the incident's history as it was", async () => {
    const { incident } = await openIncident(app, agent);
    const before = await countEvents(app, incident.id);
    expectRefused(await mutate(app, agent, 'updateIncidentDetails', { id: incident.id, description: NUL }), 'description');
    expectRefused(await mutate(app, agent, 'updateIncidentDetails', { id: `${incident.id}\u0000` }), 'id');
    expect(await countEvents(app, incident.id)).toBe(before);
  });

  it('refuses it in a list filter, nested in the arguments, and in consistentWith', async () => {
    expectRefused(await graphql(app.url, LIST, { filter: { text: NUL } }, agent), 'filter.text');
    expectRefused(await graphql(app.url, LIST, { filter: { assignee: LONE_SURROGATE } }, agent), 'filter.assignee');
    expectRefused(await graphql(app.url, LIST, { at: NUL }, agent), 'consistentWith');
    const byId = await graphql(app.url, 'query ($id: ID!) { incident(id: $id) { id } }', { id: NUL }, agent);
    expectRefused(byId, 'id');
  });

  it('refuses it in a subscription argument over graphql-ws', async () => {
    const client = wsClient(app.url, agent);
    clients.push(client);
    const byFilter = new SubscriptionRecorder(client, 'subscription ($filter: IncidentFilter) { incidentsChanged(filter: $filter) { id } }', {
      filter: { text: NUL },
    });
    const byId = new SubscriptionRecorder(client, 'subscription ($id: ID!) { incidentChanged(id: $id) { id } }', { id: LONE_SURROGATE });
    await Promise.all([byFilter.ended(), byId.ended()]);
    expect(byFilter.errors.map((error) => error.extensions)).toEqual([{ code: 'BAD_USER_INPUT', field: 'text' }]);
    expect(byId.errors.map((error) => error.extensions)).toEqual([{ code: 'BAD_USER_INPUT', field: 'id' }]);
  });
});
