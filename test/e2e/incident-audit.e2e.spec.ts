import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { graphql } from './support/graphql-client.js';
import { CHANGE_MUTATIONS, change, countEvents, errorCode, mutate, openIncident } from './support/incident-api.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const HISTORY = `query History($id: ID!) {
  history(recordId: $id) {
    eventId type version position recordedAt data
    metadata { actor tenant correlationId causationId commandId origin reason }
  }
}`;
const AS_OF = `query AsOf($id: ID!, $at: DateTime!) { incidentAsOf(id: $id, at: $at) { id state version holdReason workNotes { text author } timeline { event actor } } }`;
const GET = `query Get($id: ID!) { incident(id: $id) { id } }`;

interface HistoryEntry {
  readonly eventId: string;
  readonly type: string;
  readonly version: string;
  readonly position: string;
  readonly recordedAt: string;
  readonly data: Record<string, unknown>;
  readonly metadata: Record<string, string | null>;
}

describe('incident audit: history, as-of, tenants and roles', () => {
  let app: TestApp;
  let agent: string;
  let incidentId: string;

  beforeAll(async () => {
    app = await startTestApp();
    agent = await app.token('acme', ['agent']);
    incidentId = (await openIncident(app, agent, { title: 'Payroll export fails' })).incident.id;
  });
  afterAll(async () => app?.close());

  async function history(token: string, id: string) {
    return graphql<{ history: HistoryEntry[] }>(app.url, HISTORY, { id }, token);
  }

  it("records the caller's x-correlation-id on the events a command appends, and ignores a malformed one", async () => {
    const automation = await app.token('acme', ['automation'], 'ci-pipeline@acme');
    const note = `mutation Note($input: AddIncidentWorkNoteInput!) { addIncidentWorkNote(input: $input) { version } }`;
    const traced = await graphql(app.url, note, { input: { id: incidentId, text: 'Deploy 42 rolled back' } }, automation, {
      'x-correlation-id': 'pipeline-run-4711',
    });
    expect(traced.errors).toBeUndefined();
    const untraced = await graphql(app.url, note, { input: { id: incidentId, text: 'Deploy 43' } }, automation, {
      'x-correlation-id': 'not ok; drop table',
    });
    expect(untraced.errors).toBeUndefined();
    const entries = (await history(agent, incidentId)).data!.history;
    const [first, second] = entries.filter((entry) => entry.type === 'incident.work-note-added.v1').slice(-2);
    expect(first!.metadata).toMatchObject({ correlationId: 'pipeline-run-4711', actor: 'ci-pipeline@acme', origin: 'automation' });
    expect(second!.metadata.correlationId).toMatch(/^[0-9a-f-]{36}$/);
  });

  describe('history', () => {
    it('lists every event from the store with its metadata', async () => {
      const { incident } = await openIncident(app, agent);
      const automation = await app.token('acme', ['automation'], 'svc-monitoring');
      await change(app, automation, 'assignIncident', { id: incident.id, assignee: 'bob', commandId: 'assign-1' });
      await change(app, agent, 'cancelIncident', { id: incident.id, reason: 'False alarm' });

      const response = await history(agent, incident.id);
      expect(response.errors).toBeUndefined();
      const events = response.data!.history;
      expect(events.map((event) => [event.type, event.version])).toEqual([
        ['incident.opened.v1', '0'],
        ['incident.assigned.v1', '1'],
        ['incident.work-started.v1', '2'],
        ['incident.canceled.v1', '3'],
      ]);
      const [opened, assigned, started, canceled] = events as [HistoryEntry, HistoryEntry, HistoryEntry, HistoryEntry];
      expect(opened.data).toMatchObject({ incidentId: incident.id, title: 'Printer on fire', impact: 2 });
      expect(opened.metadata).toMatchObject({ actor: 'agent-1@acme', tenant: 'acme', origin: 'interactive', commandId: null });
      // One command: both events share correlation, causation and the idempotency key.
      expect(assigned.metadata).toMatchObject({ actor: 'svc-monitoring', origin: 'automation', commandId: 'assign-1' });
      expect(started.metadata).toEqual(assigned.metadata);
      expect(canceled.metadata).toMatchObject({ actor: 'agent-1@acme', reason: 'False alarm' });
      expect(canceled.metadata.correlationId).not.toBe(assigned.metadata.correlationId);
      expect(new Set(events.map((event) => event.eventId)).size).toBe(4);
      expect([...events.map((event) => event.position)].sort()).toEqual(events.map((event) => event.position));
      for (const event of events) expect(Date.parse(event.recordedAt)).not.toBeNaN();
    });

    it('is NOT_FOUND for an unknown or malformed id', async () => {
      expect(errorCode(await history(agent, randomUUID()))).toBe('NOT_FOUND');
      expect(errorCode(await history(agent, 'INC0001001'))).toBe('NOT_FOUND');
    });

    it('is readable by auditors but not by requesters', async () => {
      const auditor = await app.token('acme', ['auditor']);
      expect((await history(auditor, incidentId)).data?.history.length).toBeGreaterThan(0);
      const requester = await app.token('acme', ['requester']);
      expect(errorCode(await history(requester, incidentId))).toBe('FORBIDDEN');
    });
  });

  describe('incidentAsOf', () => {
    it('rebuilds the incident as recorded between two transitions', async () => {
      const { incident } = await openIncident(app, agent);
      await change(app, agent, 'assignIncident', { id: incident.id, assignee: 'carol' });
      await change(app, agent, 'putIncidentOnHold', { id: incident.id, holdReason: 'AWAITING_CALLER' });
      await sleep(20);
      await change(app, agent, 'addIncidentWorkNote', { id: incident.id, text: 'Caller called back' });
      await sleep(20);
      await change(app, agent, 'resumeIncident', { id: incident.id });
      const events = (await history(agent, incident.id)).data!.history;
      const held = events.find((event) => event.type === 'incident.put-on-hold.v1')!;
      const noted = events.find((event) => event.type === 'incident.work-note-added.v1')!;
      const resumed = events.find((event) => event.type === 'incident.resumed.v1')!;
      const between = new Date((Date.parse(held.recordedAt) + Date.parse(noted.recordedAt)) / 2).toISOString();

      const asOf = await graphql<{ incidentAsOf: Record<string, unknown> }>(app.url, AS_OF, { id: incident.id, at: between }, agent);
      expect(asOf.errors).toBeUndefined();
      expect(asOf.data!.incidentAsOf).toMatchObject({
        id: incident.id,
        state: 'ON_HOLD',
        holdReason: 'AWAITING_CALLER',
        version: held.version,
        workNotes: [],
      });
      const atHold = await graphql<{ incidentAsOf: Record<string, unknown> }>(
        app.url,
        AS_OF,
        { id: incident.id, at: held.recordedAt },
        agent,
      );
      expect(atHold.data!.incidentAsOf).toMatchObject({ state: 'ON_HOLD', version: held.version });
      const now = await graphql<{ incidentAsOf: Record<string, unknown> }>(
        app.url,
        AS_OF,
        { id: incident.id, at: new Date(Date.now() + 60_000).toISOString() },
        agent,
      );
      expect(now.data!.incidentAsOf).toMatchObject({
        state: 'IN_PROGRESS',
        version: resumed.version,
        workNotes: [{ text: 'Caller called back', author: 'agent-1@acme' }],
      });
    });

    it('is NOT_FOUND before the incident was opened, for unknown ids and for bad instants a BAD_USER_INPUT', async () => {
      const events = (await history(agent, incidentId)).data!.history;
      const before = new Date(Date.parse(events[0]!.recordedAt) - 1).toISOString();
      expect(errorCode(await graphql(app.url, AS_OF, { id: incidentId, at: before }, agent))).toBe('NOT_FOUND');
      expect(errorCode(await graphql(app.url, AS_OF, { id: randomUUID(), at: new Date().toISOString() }, agent))).toBe('NOT_FOUND');
      expect(errorCode(await graphql(app.url, AS_OF, { id: 'nope', at: new Date().toISOString() }, agent))).toBe('NOT_FOUND');
      expect(errorCode(await graphql(app.url, AS_OF, { id: incidentId, at: 'yesterday' }, agent))).toBe('BAD_USER_INPUT');
    });
  });

  describe('a second tenant', () => {
    it('gets NOT_FOUND for every query and mutation on the first tenant’s incident, appending nothing', async () => {
      const outsider = await app.token('globex', ['agent', 'auditor']);
      const before = await countEvents(app);
      expect(errorCode(await graphql(app.url, GET, { id: incidentId }, outsider))).toBe('NOT_FOUND');
      expect(errorCode(await history(outsider, incidentId))).toBe('NOT_FOUND');
      const at = new Date(Date.now() + 60_000).toISOString();
      expect(errorCode(await graphql(app.url, AS_OF, { id: incidentId, at }, outsider))).toBe('NOT_FOUND');
      for (const [name, input] of Object.entries(CHANGE_MUTATIONS)) {
        const response = await mutate(app, outsider, name, { id: incidentId, ...input });
        expect([name, errorCode(response)]).toEqual([name, 'NOT_FOUND']);
      }
      expect(await countEvents(app)).toBe(before);
    });
  });

  describe('auditors', () => {
    it('get FORBIDDEN on every mutation and can still read', async () => {
      const auditor = await app.token('acme', ['auditor']);
      const before = await countEvents(app);
      const open = await mutate(app, auditor, 'openIncident', { title: 'Audit', impact: 3, urgency: 3 });
      expect(errorCode(open)).toBe('FORBIDDEN');
      for (const [name, input] of Object.entries(CHANGE_MUTATIONS)) {
        const response = await mutate(app, auditor, name, { id: incidentId, ...input });
        expect([name, errorCode(response)]).toEqual([name, 'FORBIDDEN']);
      }
      expect(await countEvents(app)).toBe(before);
      expect((await graphql(app.url, GET, { id: incidentId }, auditor)).errors).toBeUndefined();
    });
  });
});
