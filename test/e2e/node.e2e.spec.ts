import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { graphql } from './support/graphql-client.js';
import { errorCode, openIncident } from './support/incident-api.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const NODE = `query Node($id: ID!) { node(id: $id) { __typename id ... on Incident { number title } } }`;

interface NodeView {
  readonly __typename: string;
  readonly id: string;
  readonly number?: string;
  readonly title?: string;
}

/** `node(id)` (Relay): any record by its id, seen exactly as its own query shows it, else null. */
describe('node(id)', () => {
  let app: TestApp;
  let agent: string;
  let incident: { id: string; number: string };

  beforeAll(async () => {
    app = await startTestApp();
    agent = await app.token('acme', ['agent']);
    const opened = await openIncident(app, agent, { title: 'Mail down' });
    incident = { id: opened.incident.id, number: opened.incident.number as string };
  });
  afterAll(async () => app?.close());

  const node = async (token: string, id: string) => {
    const response = await graphql<{ node: NodeView | null }>(app.url, NODE, { id }, token);
    expect(response.errors).toBeUndefined();
    return response.data!.node;
  };

  it('returns an incident of your tenant as an Incident', async () => {
    expect(await node(agent, incident.id)).toEqual({
      __typename: 'Incident',
      id: incident.id,
      number: incident.number,
      title: 'Mail down',
    });
    expect(await node(await app.token('acme', ['auditor']), incident.id.toUpperCase())).toMatchObject({ id: incident.id });
  });

  it("is null for another tenant's record, an unknown id and a malformed one", async () => {
    expect(await node(await app.token('globex', ['agent']), incident.id)).toBeNull();
    expect(await node(agent, randomUUID())).toBeNull();
    expect(await node(agent, `x-${incident.id}`)).toBeNull();
    expect(await node(agent, 'INC0001001')).toBeNull();
  });

  it('shows requesters only the incidents they reported', async () => {
    const reporter = await app.token('acme', ['requester'], 'rita@acme');
    const own = await openIncident(app, reporter, { title: 'My laptop' });
    expect(await node(reporter, own.incident.id)).toMatchObject({ __typename: 'Incident', title: 'My laptop' });
    expect(await node(reporter, incident.id)).toBeNull();
  });

  it('needs a token', async () => {
    expect(errorCode(await graphql(app.url, NODE, { id: incident.id }))).toBe('UNAUTHENTICATED');
  });
});
