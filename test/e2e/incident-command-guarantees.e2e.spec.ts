import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { graphql, wsClient } from './support/graphql-client.js';
import { change, countEvents, errorCode, mutate, openIncident } from './support/incident-api.js';
import { SubscriptionRecorder } from './support/subscription-recorder.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const NOTE = `mutation Note($input: AddIncidentWorkNoteInput!) { addIncidentWorkNote(input: $input) { version position } }`;
const HISTORY = `query History($id: ID!) { history(recordId: $id) { type recordedAt } }`;
const GET = `query Get($id: ID!) { incident(id: $id) { id version } }`;
const AS_OF = `query AsOf($id: ID!, $at: DateTime!) { incidentAsOf(id: $id, at: $at) { id version } }`;
const CHANGED = `subscription Changed($id: ID!) { incidentChanged(id: $id) { id version } }`;
const WORK_NOTE_ADDED = 'incident.work-note-added.v1';

describe('incident commands: no needless conflicts, safe retries, ids as one', () => {
  let app: TestApp;
  let ann: string;
  let bob: string;

  beforeAll(async () => {
    app = await startTestApp();
    ann = await app.token('acme', ['agent'], 'ann@acme');
    bob = await app.token('acme', ['agent'], 'bob@acme');
  });
  afterAll(async () => app?.close());

  async function workNotesIn(id: string): Promise<number> {
    const history = await graphql<{ history: { type: string }[] }>(app.url, HISTORY, { id }, ann);
    return history.data!.history.filter((event) => event.type === WORK_NOTE_ADDED).length;
  }

  it('runs fifty concurrent commands on one incident, none of them failing, when no expectedVersion was sent', async () => {
    const { incident } = await openIncident(app, ann);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, n) => graphql(app.url, NOTE, { input: { id: incident.id, text: `Note ${n}` } }, ann)),
    );
    expect(results.flatMap((result) => result.errors ?? [])).toEqual([]);
    expect(await workNotesIn(incident.id)).toBe(50);
  });

  describe('commandId', () => {
    it('is scoped to the principal: the same key from someone else opens their own incident', async () => {
      const commandId = `open-${randomUUID()}`;
      const anns = await change(app, ann, 'openIncident', { title: "Ann's printer", impact: 2, urgency: 2, commandId });
      const bobs = await change(app, bob, 'openIncident', { title: "Bob's printer", impact: 2, urgency: 2, commandId });
      expect(bobs.incident.id).not.toBe(anns.incident.id);
      expect(bobs.incident.title).toBe("Bob's printer");

      const bobsRetry = await change(app, bob, 'openIncident', { title: "Bob's printer", impact: 2, urgency: 2, commandId });
      expect(bobsRetry).toMatchObject({ version: bobs.version, position: bobs.position, incident: { id: bobs.incident.id } });
    });

    it('is scoped to the principal on an existing incident: both notes are added', async () => {
      const { incident } = await openIncident(app, ann);
      const commandId = `note-${randomUUID()}`;
      await change(app, ann, 'addIncidentWorkNote', { id: incident.id, text: 'From Ann', commandId });
      const bobs = await change(app, bob, 'addIncidentWorkNote', { id: incident.id, text: 'From Bob', commandId });
      expect(bobs.incident.workNotes).toEqual([
        { text: 'From Ann', author: 'ann@acme' },
        { text: 'From Bob', author: 'bob@acme' },
      ]);
    });

    it('reused for a different command is IDEMPOTENCY_KEY_REUSED, and appends nothing', async () => {
      const { incident } = await openIncident(app, ann);
      const commandId = `note-${randomUUID()}`;
      await change(app, ann, 'addIncidentWorkNote', { id: incident.id, text: 'Original', commandId });
      const before = await countEvents(app);
      const otherText = await mutate(app, ann, 'addIncidentWorkNote', { id: incident.id, text: 'Different', commandId });
      const otherCommand = await mutate(app, ann, 'addIncidentComment', { id: incident.id, text: 'Original', commandId });
      expect([errorCode(otherText), errorCode(otherCommand)]).toEqual(['IDEMPOTENCY_KEY_REUSED', 'IDEMPOTENCY_KEY_REUSED']);

      const openKey = `open-${randomUUID()}`;
      await change(app, ann, 'openIncident', { title: 'First title', impact: 2, urgency: 2, commandId: openKey });
      const reopened = await mutate(app, ann, 'openIncident', { title: 'Other title', impact: 2, urgency: 2, commandId: openKey });
      expect(errorCode(reopened)).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(await countEvents(app)).toBe(before + 1);
    });
  });

  it('answers NOT_FOUND, not CONCURRENCY_CONFLICT, for an expectedVersion on an incident that does not exist', async () => {
    const response = await mutate(app, ann, 'addIncidentWorkNote', { id: randomUUID(), text: 'Hello?', expectedVersion: '0' });
    expect(errorCode(response)).toBe('NOT_FOUND');
  });

  it('takes an upper-case id as the same incident in mutations, queries, history, as-of and subscriptions', async () => {
    const { incident } = await openIncident(app, ann);
    const upper = incident.id.toUpperCase();
    const client = wsClient(app.url, ann);
    try {
      const connected = new Promise((resolve) => client.on('connected', resolve));
      const pushes = new SubscriptionRecorder<{ incidentChanged: unknown }>(client, CHANGED, { id: upper });
      await connected;
      // graphql-ws acknowledges connections, not subscribes: this leaves the server time to listen.
      await new Promise((resolve) => setTimeout(resolve, 300));

      const noted = await change(app, ann, 'addIncidentWorkNote', { id: upper, text: 'Upper case' });
      expect(noted.incident).toMatchObject({ id: incident.id, version: '1' });
      expect(await pushes.take(1)).toEqual([{ incidentChanged: { id: incident.id, version: '1' } }]);

      const read = await graphql(app.url, GET, { id: upper }, ann);
      expect(read.data).toEqual({ incident: { id: incident.id, version: '1' } });
      const history = await graphql<{ history: { recordedAt: string }[] }>(app.url, HISTORY, { id: upper }, ann);
      expect(history.data?.history).toHaveLength(2);
      const asOf = await graphql(app.url, AS_OF, { id: upper, at: history.data!.history[1]!.recordedAt }, ann);
      expect(asOf.data).toEqual({ incidentAsOf: { id: incident.id, version: '1' } });
    } finally {
      await client.dispose();
    }
  });
});

describe('a committed mutation while the read model lags behind', () => {
  const PAYLOAD = '{ incidentId version position incident { id } }';
  let app: TestApp;
  let agent: string;

  beforeAll(async () => {
    // No projector: the read model never catches up, and reads give up after 100 ms.
    app = await startTestApp({ RUN_PROJECTOR: 'false', CONSISTENCY_TIMEOUT_MS: '100' });
    agent = await app.token('acme', ['agent']);
  });
  afterAll(async () => app?.close());

  it('still answers the incident id, version and position; only the incident is late, with CONSISTENCY_TIMEOUT', async () => {
    const commandId = `open-${randomUUID()}`;
    const open = `mutation Open($input: OpenIncidentInput!) { openIncident(input: $input) ${PAYLOAD} }`;
    const input = { title: 'Mail down', impact: 1, urgency: 1, commandId };
    const opened = await graphql<{ openIncident: { incidentId: string; version: string; position: string } }>(
      app.url,
      open,
      { input },
      agent,
    );
    expect(opened.data).toEqual({
      openIncident: {
        incidentId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        version: '0',
        position: expect.stringMatching(/^pg\.[0-9a-f]{8}\.[0-9a-f]{32}$/),
        incident: null,
      },
    });
    expect(opened.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([
      [['openIncident', 'incident'], 'CONSISTENCY_TIMEOUT'],
    ]);

    // A client that retries what it could not read gets the same record, not a second one.
    const retried = await graphql<{ openIncident: { incidentId: string } }>(app.url, open, { input }, agent);
    expect(retried.data?.openIncident).toMatchObject({ incidentId: opened.data!.openIncident.incidentId, version: '0' });

    const assign = `mutation Assign($input: AssignIncidentInput!) { assignIncident(input: $input) ${PAYLOAD} }`;
    const assigned = await graphql(app.url, assign, { input: { id: opened.data!.openIncident.incidentId, assignee: 'alice' } }, agent);
    expect(assigned.data).toEqual({
      assignIncident: { incidentId: opened.data!.openIncident.incidentId, version: '2', position: expect.any(String), incident: null },
    });
    expect(assigned.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([
      [['assignIncident', 'incident'], 'CONSISTENCY_TIMEOUT'],
    ]);
  });
});
