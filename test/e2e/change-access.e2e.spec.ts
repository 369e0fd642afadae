import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ICAL from 'ical.js';
import type { Client } from 'graphql-ws';
import { changeChange, changeSettings, CHANGE_QUERY, mutateChange, requestChange, SCHEDULE_QUERY, templateMutation } from './support/change-api.js';
import { graphql, wsClient } from './support/graphql-client.js';
import { countEvents, errorCode } from './support/incident-api.js';
import { SubscriptionRecorder } from './support/subscription-recorder.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const RANGE = { from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' };

/** Every mutation on an existing change, with an input that is valid for it. */
const CHANGE_INTENTS: Record<string, Record<string, unknown>> = {
  updateChangeDetails: { title: 'Renamed' },
  setChangeType: { type: 'EMERGENCY' },
  submitChange: {},
  assessChangeRisk: { risk: 'LOW' },
  approveChange: {},
  rejectChange: { reason: 'No' },
  scheduleChange: { plannedStart: '2026-03-20T10:00:00.000Z', plannedEnd: '2026-03-20T11:00:00.000Z' },
  startChangeImplementation: {},
  completeChangeImplementation: { closeCode: 'SUCCESSFUL', closeNotes: 'Done' },
  completeChangeReview: { reviewNotes: 'Fine' },
  cancelChange: { reason: 'Not needed' },
  linkChangeToIncident: { incidentId: '11111111-2222-4333-8444-555555555555' },
  linkChangeToProblem: { problemId: '11111111-2222-4333-8444-555555555555' },
};

describe('who sees and does what with changes', () => {
  let app: TestApp;
  let manager: string;
  let changeId: string;
  let templateId: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    app = await startTestApp();
    manager = await app.token('acme', ['change_manager']);
    const requested = await requestChange(app, manager, { title: 'Replace the core switch', serviceIds: ['network'] });
    changeId = requested.change.id;
    await changeChange(app, manager, 'scheduleChange', { id: changeId, plannedStart: '2026-03-15T20:00:00.000Z', plannedEnd: '2026-03-15T22:00:00.000Z' });
    await changeSettings(app, manager, 'addBlackoutWindow', { name: 'Audit week', start: '2026-03-15T00:00:00.000Z', end: '2026-03-16T00:00:00.000Z' });
    const template = await templateMutation(app, manager, 'createChangeTemplate', { name: 'Reboot a printer', implementationPlan: 'Reboot', backoutPlan: 'None needed' });
    templateId = template.data!.createChangeTemplate.changeTemplate.id;
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await app?.close();
  });

  describe('another tenant', () => {
    it('gets NOT_FOUND for every change and template query and mutation, appending nothing', async () => {
      const outsider = await app.token('globex', ['change_manager', 'cab_member', 'auditor', 'admin']);
      const before = await countEvents(app);
      expect(errorCode(await graphql(app.url, CHANGE_QUERY, { id: changeId }, outsider))).toBe('NOT_FOUND');
      const asOf = `query($id: ID!, $at: DateTime!) { changeAsOf(id: $id, at: $at) { id } }`;
      expect(errorCode(await graphql(app.url, asOf, { id: changeId, at: new Date(Date.now() + 60_000).toISOString() }, outsider))).toBe('NOT_FOUND');
      expect(errorCode(await graphql(app.url, `query($id: ID!) { history(recordId: $id) { type } }`, { id: changeId }, outsider))).toBe('NOT_FOUND');
      expect(errorCode(await graphql(app.url, `query($id: ID!) { changeTemplate(id: $id) { id } }`, { id: templateId }, outsider))).toBe('NOT_FOUND');
      for (const [name, input] of Object.entries(CHANGE_INTENTS)) {
        expect([name, errorCode(await mutateChange(app, outsider, name, { id: changeId, ...input }))]).toEqual([name, 'NOT_FOUND']);
      }
      for (const [name, input] of Object.entries({ reviseChangeTemplate: { name: 'Mine now' }, retireChangeTemplate: { reason: 'Mine' } })) {
        expect([name, errorCode(await templateMutation(app, outsider, name, { id: templateId, ...input }))]).toEqual([name, 'NOT_FOUND']);
      }
      expect(await countEvents(app)).toBe(before);
      // Refused as a template that does not exist (a number may have been reserved, as ServiceNow skips numbers too).
      const fromTheirTemplate = await mutateChange(app, outsider, 'requestChange', { type: 'STANDARD', templateId });
      expect(fromTheirTemplate.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'templateId' });
    });

    it('sees an empty schedule, calendar and change list, and its subscriptions receive nothing of the first tenant', async () => {
      const outsider = await app.token('globex', ['change_manager']);
      const schedule = await graphql<{ changeSchedule: unknown[] }>(app.url, SCHEDULE_QUERY, RANGE, outsider);
      expect(schedule.data!.changeSchedule).toEqual([]);
      const list = await graphql<{ changes: { edges: unknown[] } }>(app.url, `{ changes(first: 50) { edges { node { id } } } }`, {}, outsider);
      expect(list.data!.changes.edges).toEqual([]);
      expect(ICAL.Component.fromString(await (await calendar(outsider)).text()).getAllSubcomponents('vevent')).toEqual([]);

      const client = wsClient(app.url, outsider);
      clients.push(client);
      const connected = new Promise((resolve) => client.on('connected', resolve));
      const one = new SubscriptionRecorder<{ changeChanged?: unknown }>(client, `subscription($id: ID!) { changeChanged(id: $id) { id } }`, { id: changeId });
      const all = new SubscriptionRecorder<{ changesChanged: { id: string } }>(client, `subscription { changesChanged { id } }`);
      await connected;
      await one.ended();
      expect(one.errors[0]?.extensions?.['code']).toBe('NOT_FOUND');
      await new Promise((resolve) => setTimeout(resolve, 300));
      await changeChange(app, manager, 'updateChangeDetails', { id: changeId, title: 'Replace the core switch stack' });
      // Its own change comes through; the first tenant's, committed before it, never did.
      const own = await requestChange(app, outsider, { title: 'Their own change' });
      const pushed = await all.awaitPush((data) => data.changesChanged.id === own.change.id);
      expect(all.data).toEqual([pushed]);
      all.stop();
    });
  });

  describe('roles', () => {
    it('requesters see no change; auditors read everything and change nothing', async () => {
      const requester = await app.token('acme', ['requester']);
      expect(errorCode(await graphql(app.url, CHANGE_QUERY, { id: changeId }, requester))).toBe('FORBIDDEN');
      expect(errorCode(await graphql(app.url, SCHEDULE_QUERY, RANGE, requester))).toBe('FORBIDDEN');
      expect(errorCode(await mutateChange(app, requester, 'requestChange', { type: 'NORMAL', title: 'Mine' }))).toBe('FORBIDDEN');
      expect((await calendar(requester)).status).toBe(403);

      const auditor = await app.token('acme', ['auditor']);
      expect((await graphql(app.url, CHANGE_QUERY, { id: changeId }, auditor)).errors).toBeUndefined();
      const before = await countEvents(app);
      expect(errorCode(await mutateChange(app, auditor, 'requestChange', { type: 'NORMAL', title: 'Audit' }))).toBe('FORBIDDEN');
      for (const [name, input] of Object.entries(CHANGE_INTENTS)) {
        expect([name, errorCode(await mutateChange(app, auditor, name, { id: changeId, ...input }))]).toEqual([name, 'FORBIDDEN']);
      }
      expect(errorCode(await templateMutation(app, auditor, 'createChangeTemplate', { name: 'x', implementationPlan: 'x', backoutPlan: 'x' }))).toBe('FORBIDDEN');
      expect(await countEvents(app)).toBe(before);
    });

    it('agents request and submit but do not run or approve changes', async () => {
      const agent = await app.token('acme', ['agent']);
      const { change } = await requestChange(app, agent, { title: 'New VLAN' });
      expect(errorCode(await mutateChange(app, agent, 'scheduleChange', { id: change.id, ...CHANGE_INTENTS['scheduleChange'] }))).toBe('FORBIDDEN');
      expect(errorCode(await mutateChange(app, agent, 'cancelChange', { id: change.id, reason: 'x' }))).toBe('FORBIDDEN');
      expect((await changeChange(app, agent, 'submitChange', { id: change.id })).change.state).toBe('ASSESS');
    });
  });

  describe('the iCalendar feed', () => {
    it('serves the schedule to a calendar application, with conflicts, for a bearer token', async () => {
      const response = await calendar(manager, '?from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/calendar/);
      const events = ICAL.Component.fromString(await response.text()).getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
      expect(events).toHaveLength(1);
      const [event] = events;
      expect(event!.summary).toMatch(/^CHG\d{7} Replace the core switch/);
      expect(event!.startDate.toJSDate().toISOString()).toBe('2026-03-15T20:00:00.000Z');
      expect(event!.endDate.toJSDate().toISOString()).toBe('2026-03-15T22:00:00.000Z');
      expect(event!.description).toContain('Inside blackout window "Audit week"');
      expect(event!.uid).toBe(`${changeId}@changes`);
    });

    it('refuses a missing token with UNAUTHENTICATED, in the API error shape', async () => {
      const response = await fetch(`${app.url}/calendar/changes.ics`);
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED', reason: 'missing' } }] });
      const bad = await calendar(manager, '?from=yesterday');
      expect(bad.status).toBe(400);
      expect(await bad.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT', field: 'from' } }] });
    });
  });

  function calendar(token: string, query = ''): Promise<Response> {
    return fetch(`${app.url}/calendar/changes.ics${query}`, { headers: { authorization: `Bearer ${token}` } });
  }
});
