import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from 'graphql-ws';
import { graphql, wsClient } from './support/graphql-client.js';
import { SubscriptionRecorder } from './support/subscription-recorder.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const OPEN = `mutation Open($input: OpenIncidentInput!) { openIncident(input: $input) { incident { id } } }`;
const START = `mutation Start($input: StartIncidentWorkInput!) { startIncidentWork(input: $input) { version } }`;
const HOLD = `mutation Hold($input: PutIncidentOnHoldInput!) { putIncidentOnHold(input: $input) { version } }`;
const RESUME = `mutation Resume($input: ResumeIncidentInput!) { resumeIncident(input: $input) { version } }`;
const ASSIGN = `mutation Assign($input: AssignIncidentInput!) { assignIncident(input: $input) { version } }`;
const NOTE = `mutation Note($input: AddIncidentWorkNoteInput!) { addIncidentWorkNote(input: $input) { version } }`;
const INCIDENT_CHANGED = `subscription Changed($id: ID!) { incidentChanged(id: $id) { id title state version holdReason } }`;
const INCIDENTS_CHANGED = `subscription ListChanged($filter: IncidentFilter) {
  incidentsChanged(filter: $filter) { id title state priority serviceId callerId }
}`;

interface Pushed {
  incidentChanged?: { id: string; title: string; state: string; version: string; holdReason: string | null };
  incidentsChanged?: { id: string; title: string; state: string; priority: string; serviceId: string | null; callerId: string };
}

const STATE_CHANGED = `subscription Changed($id: ID!) { incidentChanged(id: $id) { id state assignee version } }`;
const STATES_CHANGED = `subscription ListChanged($filter: IncidentFilter) { incidentsChanged(filter: $filter) { id state assignee version } }`;

interface PushedState {
  incidentChanged?: { id: string; state: string; assignee: string | null; version: string };
  incidentsChanged?: { id: string; state: string; assignee: string | null; version: string };
}


describe('incident subscriptions over graphql-ws, pushed once the read model is committed', () => {
  let app: TestApp;
  let agent: string;
  const clients: Client[] = [];
  const connections: Promise<unknown>[] = [];

  function connect(token?: string): Client {
    const client = wsClient(app.url, token);
    clients.push(client);
    connections.push(new Promise((resolve) => client.on('connected', resolve)));
    return client;
  }

  /** graphql-ws acknowledges connections, not subscribes: this leaves the server time to listen. */
  async function settle(): Promise<void> {
    await Promise.all(connections);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }

  async function mutate(token: string, query: string, input: Record<string, unknown>): Promise<Record<string, any>> {
    const result = await graphql(app.url, query, { input }, token);
    expect(result.errors).toBeUndefined();
    return result.data!;
  }

  async function open(token: string, input: Record<string, unknown>): Promise<string> {
    const data = await mutate(token, OPEN, { impact: 2, urgency: 2, ...input });
    return data.openIncident.incident.id;
  }

  beforeAll(async () => {
    app = await startTestApp();
    agent = await app.token('acme', ['agent']);
  });
  afterEach(async () => {
    connections.length = 0;
    await Promise.all(clients.splice(0).map((client) => client.dispose()));
  });
  afterAll(async () => app?.close());

  it('incidentChanged pushes each change of the incident, and nothing of others', async () => {
    const id = await open(agent, { title: 'Mail server down' });
    const changes = new SubscriptionRecorder<Pushed>(connect(agent), INCIDENT_CHANGED, { id });
    await settle();

    // Each push awaited before the next change: one that lands while the previous one is being
    // pushed may supersede it, and the subscriber then gets only the latest state.
    await mutate(agent, START, { id });
    await changes.take(1);
    await open(agent, { title: 'Unrelated printer' });
    await mutate(agent, HOLD, { id, holdReason: 'AWAITING_VENDOR' });
    await changes.take(2);
    await mutate(agent, RESUME, { id });

    const pushed = (await changes.take(3)).map((push) => push.incidentChanged);
    expect(pushed).toEqual([
      { id, title: 'Mail server down', state: 'IN_PROGRESS', version: '1', holdReason: null },
      { id, title: 'Mail server down', state: 'ON_HOLD', version: '2', holdReason: 'AWAITING_VENDOR' },
      { id, title: 'Mail server down', state: 'IN_PROGRESS', version: '3', holdReason: null },
    ]);
  });

  it('pushes once per command, with the state it committed, even when the command appended several events', async () => {
    const id = await open(agent, { title: 'Laptop will not boot', serviceId: 'svc-laptops' });
    const one = new SubscriptionRecorder<PushedState>(connect(agent), STATE_CHANGED, { id });
    const list = new SubscriptionRecorder<PushedState>(connect(agent), STATES_CHANGED, { filter: { serviceId: 'svc-laptops' } });
    await settle();

    // Assigning a NEW incident starts work too: two events in one append, one command.
    await mutate(agent, ASSIGN, { id, assignee: 'alice' });
    const assigned = { id, state: 'IN_PROGRESS', assignee: 'alice', version: '2' };
    expect((await one.take(1)).map((push) => push.incidentChanged)).toEqual([assigned]);
    expect((await list.take(1)).map((push) => push.incidentsChanged)).toEqual([assigned]);

    // The next command's push comes next: nothing was pushed in between.
    await mutate(agent, NOTE, { id, text: 'Reseated the RAM' });
    const noted = { ...assigned, version: '3' };
    expect((await one.take(2)).map((push) => push.incidentChanged)).toEqual([assigned, noted]);
    expect((await list.take(2)).map((push) => push.incidentsChanged)).toEqual([assigned, noted]);
  });

  it('incidentsChanged pushes the incidents the filter admits, as the list would show them', async () => {
    const mail = new SubscriptionRecorder<Pushed>(connect(agent), INCIDENTS_CHANGED, {
      filter: { serviceId: 'svc-mail', priority: ['P1', 'P2'] },
    });
    const all = new SubscriptionRecorder<Pushed>(connect(agent), INCIDENTS_CHANGED);
    await settle();

    await open(agent, { title: 'Mail queue stuck', serviceId: 'svc-mail', impact: 1, urgency: 1 });
    await open(agent, { title: 'VPN flaky', serviceId: 'svc-vpn', impact: 1, urgency: 1 });
    await open(agent, { title: 'Mail signature wrong', serviceId: 'svc-mail', impact: 3, urgency: 3 });
    await open(agent, { title: 'Mail archive slow', serviceId: 'svc-mail', impact: 2, urgency: 1 });

    expect((await all.take(4)).map((push) => push.incidentsChanged!.title)).toEqual([
      'Mail queue stuck',
      'VPN flaky',
      'Mail signature wrong',
      'Mail archive slow',
    ]);
    expect((await mail.take(2)).map((push) => [push.incidentsChanged!.title, push.incidentsChanged!.priority])).toEqual([
      ['Mail queue stuck', 'P1'],
      ['Mail archive slow', 'P2'],
    ]);
    expect(mail.data).toHaveLength(2);
  });

  it("a subscriber of another tenant receives nothing of the first tenant's changes", async () => {
    const own = new SubscriptionRecorder<Pushed>(connect(agent), INCIDENTS_CHANGED);
    const otherTenant = new SubscriptionRecorder<Pushed>(connect(await app.token('globex', ['admin'])), INCIDENTS_CHANGED);
    await settle();

    await open(agent, { title: 'Only for acme', serviceId: 'svc-mail' });
    expect((await own.take(1))[0]!.incidentsChanged!.title).toBe('Only for acme');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(otherTenant.data).toEqual([]);
    expect(otherTenant.errors).toEqual([]);
  });

  it("incidentChanged on another tenant's incident, or an unknown one, is NOT_FOUND", async () => {
    const id = await open(agent, { title: 'Acme secret' });
    const globex = connect(await app.token('globex', ['agent']));
    for (const unknown of [id, '00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      const attempt = new SubscriptionRecorder<Pushed>(globex, INCIDENT_CHANGED, { id: unknown });
      await attempt.ended();
      expect(attempt.errors.map((error) => error.extensions?.code)).toEqual(['NOT_FOUND']);
      expect(attempt.data).toEqual([]);
    }
  });

  it('requesters are pushed only the incidents they reported', async () => {
    const requester = await app.token('acme', ['requester'], 'pat@acme');
    const mine = new SubscriptionRecorder<Pushed>(connect(requester), INCIDENTS_CHANGED);
    await settle();

    const othersId = await open(agent, { title: 'Reported by someone else', callerId: 'sam@acme' });
    await open(requester, { title: 'My keyboard is broken' });
    expect((await mine.take(1))[0]!.incidentsChanged).toMatchObject({ title: 'My keyboard is broken', callerId: 'pat@acme' });

    const watchOthers = new SubscriptionRecorder<Pushed>(connect(requester), INCIDENT_CHANGED, { id: othersId });
    await watchOthers.ended();
    expect(watchOthers.errors.map((error) => error.extensions?.code)).toEqual(['NOT_FOUND']);
    expect(mine.data).toHaveLength(1);
  });

  it('refuses a subscription without a valid token with UNAUTHENTICATED', async () => {
    for (const token of [undefined, 'not-a-jwt']) {
      const anonymous = new SubscriptionRecorder<Pushed>(connect(token), INCIDENTS_CHANGED);
      await anonymous.ended();
      expect(anonymous.errors.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
      expect(anonymous.data).toEqual([]);
    }
  });

  it('refuses an invalid filter with BAD_USER_INPUT naming the field', async () => {
    const invalid = new SubscriptionRecorder<Pushed>(connect(agent), INCIDENTS_CHANGED, { filter: { text: 'x'.repeat(201) } });
    await invalid.ended();
    expect(invalid.errors.map((error) => error.extensions)).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'text' })]);
  });

  it('keeps pushing to the remaining subscribers after one unsubscribes', async () => {
    const client = connect(agent);
    const leaving = new SubscriptionRecorder<Pushed>(client, INCIDENTS_CHANGED);
    const staying = new SubscriptionRecorder<Pushed>(client, INCIDENTS_CHANGED);
    await settle();
    leaving.stop();

    await open(agent, { title: 'After one left' });
    expect((await staying.take(1))[0]!.incidentsChanged!.title).toBe('After one left');
    expect(leaving.data).toEqual([]);
  });
});
