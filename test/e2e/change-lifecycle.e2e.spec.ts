import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from 'graphql-ws';
import { changeChange, changeSettings, CHANGE_QUERY, mutateChange, requestChange, SCHEDULE_QUERY, templateMutation } from './support/change-api.js';
import { graphql, wsClient } from './support/graphql-client.js';
import { countEvents, errorCode } from './support/incident-api.js';
import { SubscriptionRecorder } from './support/subscription-recorder.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const CHANGE_CHANGED = `subscription Changed($id: ID!) { changeChanged(id: $id) { id state version approvalRounds { round outcome } } }`;
const CHANGES_CHANGED = `subscription ListChanged($filter: ChangeFilter) { changesChanged(filter: $filter) { id number state } }`;

interface Pushed {
  changeChanged?: { id: string; state: string; version: string; approvalRounds: { round: number; outcome: string }[] };
  changesChanged?: { id: string; number: string; state: string };
}

describe('changes end to end over HTTP and graphql-ws', () => {
  let app: TestApp;
  let admin: string;
  let agent: string;
  let manager: string;
  let cab1: string;
  let cab2: string;
  let emergencyApprover: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    app = await startTestApp();
    admin = await app.token('acme', ['admin']);
    agent = await app.token('acme', ['agent']);
    manager = await app.token('acme', ['change_manager'], 'cm-1@acme');
    cab1 = await app.token('acme', ['cab_member'], 'cab-1@acme');
    cab2 = await app.token('acme', ['cab_member'], 'cab-2@acme');
    emergencyApprover = await app.token('acme', ['cab_member'], 'ecab-1@acme');
    await changeSettings(app, admin, 'configureChangeAuthority', {
      cabMembers: ['cab-1@acme', 'cab-2@acme'],
      emergencyApprovers: ['ecab-1@acme'],
    });
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await app?.close();
  });

  /** graphql-ws acknowledges connections, not subscribes: this leaves the server time to listen. */
  async function subscribed<T>(token: string, query: string, variables: Record<string, unknown>): Promise<SubscriptionRecorder<T>> {
    const client = wsClient(app.url, token);
    clients.push(client);
    const connected = new Promise((resolve) => client.on('connected', resolve));
    const recorder = new SubscriptionRecorder<T>(client, query, variables);
    await connected;
    await new Promise((resolve) => setTimeout(resolve, 300));
    return recorder;
  }

  it('takes a NORMAL change through a rejected and an approved CAB round, a conflicting schedule, implementation and review', async () => {
    const requested = await requestChange(app, agent, { risk: 'MODERATE', justification: 'End of support', implementationPlan: 'Upgrade in place' });
    const id = requested.change.id;
    expect(requested.change).toMatchObject({ number: expect.stringMatching(/^CHG\d{7}$/), type: 'NORMAL', state: 'NEW', requestedBy: 'agent-1@acme' });
    const live = await subscribed<Pushed>(manager, CHANGE_CHANGED, { id });
    const list = await subscribed<Pushed>(manager, CHANGES_CHANGED, { filter: { state: ['CLOSED'] } });

    expect((await changeChange(app, agent, 'submitChange', { id })).change.state).toBe('ASSESS');
    const assessed = await changeChange(app, manager, 'assessChangeRisk', { id, risk: 'MODERATE' });
    expect(assessed.change).toMatchObject({
      state: 'AUTHORIZE',
      approvalRounds: [{ round: 1, outcome: 'PENDING', pending: [{ kind: 'CAB_MEMBER', subject: 'cab-1@acme' }, { kind: 'CAB_MEMBER', subject: 'cab-2@acme' }] }],
    });

    const approvedOnce = await changeChange(app, cab1, 'approveChange', { id, comment: 'After 20:00 only' });
    expect(approvedOnce.change).toMatchObject({ state: 'AUTHORIZE', approvalRounds: [{ pending: [{ subject: 'cab-2@acme' }] }] });
    const before = await countEvents(app);
    expect(errorCode(await mutateChange(app, cab1, 'approveChange', { id }))).toBe('INVALID_TRANSITION');
    const stranger = await app.token('acme', ['cab_member'], 'cab-9@acme');
    expect(errorCode(await mutateChange(app, stranger, 'approveChange', { id }))).toBe('FORBIDDEN');
    expect(errorCode(await mutateChange(app, agent, 'approveChange', { id }))).toBe('FORBIDDEN');
    expect(await countEvents(app)).toBe(before);

    const rejected = await changeChange(app, cab2, 'rejectChange', { id, reason: 'No back-out tested' });
    expect(rejected.change).toMatchObject({ state: 'NEW', rejection: { reason: 'No back-out tested', round: 1, approverId: 'cab-2@acme' } });

    await changeChange(app, agent, 'updateChangeDetails', { id, backoutPlan: 'Restore the snapshot, tested on staging' });
    await changeChange(app, agent, 'submitChange', { id });
    await changeChange(app, manager, 'assessChangeRisk', { id, risk: 'MODERATE' });
    await changeChange(app, cab2, 'approveChange', { id });
    const authorized = await changeChange(app, cab1, 'approveChange', { id });
    expect(authorized.change.state).toBe('SCHEDULED');
    expect(authorized.change['approvalRounds']).toEqual([
      expect.objectContaining({
        round: 1,
        outcome: 'REJECTED',
        decisions: [
          { approverId: 'cab-1@acme', decision: 'APPROVED', asChangeManager: false, comment: 'After 20:00 only' },
          { approverId: 'cab-2@acme', decision: 'REJECTED', asChangeManager: false, comment: 'No back-out tested' },
        ],
      }),
      expect.objectContaining({ round: 2, outcome: 'APPROVED', pending: [] }),
    ]);

    // Another change on the same service, planned first: scheduling this one over it warns.
    const other = await requestChange(app, agent, { title: 'Patch the mail relay', serviceIds: ['mail', 'relay'] });
    const otherPlanned = await changeChange(app, manager, 'scheduleChange', {
      id: other.change.id,
      plannedStart: '2026-03-10T20:00:00.000Z',
      plannedEnd: '2026-03-10T23:00:00.000Z',
    });
    await graphql(app.url, CHANGE_QUERY, { id: other.change.id, after: otherPlanned.position }, manager);
    const planned = await changeChange(app, manager, 'scheduleChange', { id, plannedStart: '2026-03-10T22:00:00.000Z', plannedEnd: '2026-03-11T01:00:00.000Z' });
    expect(planned.change).toMatchObject({
      state: 'SCHEDULED',
      conflicts: [{ kind: 'CHANGE', changeId: other.change.id, number: other.change['number'], serviceIds: ['mail'] }],
    });
    const schedule = await graphql<{ changeSchedule: { change: { id: string }; conflicts: { number: string }[] }[] }>(
      app.url,
      SCHEDULE_QUERY,
      { from: '2026-03-10T00:00:00.000Z', to: '2026-03-12T00:00:00.000Z', after: planned.position },
      manager,
    );
    expect(schedule.data!.changeSchedule.map((entry) => [entry.change.id, entry.conflicts.map((conflict) => conflict.number)])).toEqual([
      [other.change.id, [requested.change['number']]],
      [id, [other.change['number']]],
    ]);
    const relayOnly = await graphql<{ changeSchedule: { change: { id: string } }[] }>(
      app.url,
      SCHEDULE_QUERY,
      { from: '2026-03-10T00:00:00.000Z', to: '2026-03-12T00:00:00.000Z', serviceId: 'relay' },
      manager,
    );
    expect(relayOnly.data!.changeSchedule.map((entry) => entry.change.id)).toEqual([other.change.id]);

    app.clock.advance(60_000);
    expect((await changeChange(app, manager, 'startChangeImplementation', { id })).change.state).toBe('IMPLEMENT');
    app.clock.advance(60_000);
    const implemented = await changeChange(app, manager, 'completeChangeImplementation', { id, closeCode: 'SUCCESSFUL', closeNotes: 'Went fine' });
    expect(implemented.change).toMatchObject({ state: 'REVIEW', closeCode: 'SUCCESSFUL', actualStart: expect.any(String), actualEnd: expect.any(String) });
    const closed = await changeChange(app, manager, 'completeChangeReview', { id, reviewNotes: 'No incidents followed' });
    expect(closed.change).toMatchObject({ state: 'CLOSED', reviewNotes: 'No incidents followed' });

    // Pushed per committed batch: every state the projector committed, the last one CLOSED.
    const last = await live.awaitPush((data) => data.changeChanged?.state === 'CLOSED');
    expect(last.changeChanged).toMatchObject({ id, version: closed.version, approvalRounds: [{ outcome: 'REJECTED' }, { outcome: 'APPROVED' }] });
    expect(live.data.map((data) => data.changeChanged!.state)).toContain('AUTHORIZE');
    expect((await list.take(1))[0]!.changesChanged).toMatchObject({ id, state: 'CLOSED' });
    live.stop();
    list.stop();
  });

  it('authorises an EMERGENCY change by its emergency approvers, without assessment', async () => {
    const requested = await requestChange(app, agent, { type: 'EMERGENCY', title: 'Revoke the leaked certificate', serviceIds: ['web'] });
    const id = requested.change.id;
    const submitted = await changeChange(app, agent, 'submitChange', { id });
    expect(submitted.change).toMatchObject({ state: 'AUTHORIZE', approvalRounds: [{ pending: [{ kind: 'EMERGENCY_APPROVER', subject: 'ecab-1@acme' }] }] });
    expect(errorCode(await mutateChange(app, cab1, 'approveChange', { id }))).toBe('FORBIDDEN');
    expect((await changeChange(app, emergencyApprover, 'approveChange', { id })).change.state).toBe('SCHEDULED');
  });

  it('asks a change manager too when the risk is HIGH', async () => {
    const { change } = await requestChange(app, agent, { title: 'Move the datacentre', serviceIds: ['everything'] });
    await changeChange(app, agent, 'submitChange', { id: change.id });
    await changeChange(app, manager, 'assessChangeRisk', { id: change.id, risk: 'HIGH' });
    await changeChange(app, cab1, 'approveChange', { id: change.id });
    const cabDone = await changeChange(app, cab2, 'approveChange', { id: change.id });
    expect(cabDone.change).toMatchObject({ state: 'AUTHORIZE', approvalRounds: [{ pending: [{ kind: 'CHANGE_MANAGER', subject: null }] }] });
    const approved = await changeChange(app, manager, 'approveChange', { id: change.id });
    expect(approved.change).toMatchObject({ state: 'SCHEDULED', approvalRounds: [{ decisions: [{}, {}, { approverId: 'cm-1@acme', asChangeManager: true }] }] });
  });

  it('makes STANDARD changes from a template: refused inside a blackout window, scheduled outside it', async () => {
    const created = await templateMutation(app, manager, 'createChangeTemplate', {
      name: 'Renew a TLS certificate',
      serviceIds: ['shop'],
      implementationPlan: 'Run the renewal job',
      backoutPlan: 'Put the old certificate back',
    });
    expect(created.errors).toBeUndefined();
    const templateId = created.data!.createChangeTemplate.changeTemplate.id;
    await changeSettings(app, manager, 'addBlackoutWindow', { name: 'Quarter-end close', start: '2026-03-30T00:00:00.000Z', end: '2026-04-02T00:00:00.000Z' });

    const requested = await requestChange(app, agent, { type: 'STANDARD', templateId, title: undefined, serviceIds: undefined });
    const id = requested.change.id;
    expect(requested.change).toMatchObject({
      type: 'STANDARD',
      state: 'NEW',
      title: 'Renew a TLS certificate',
      serviceIds: ['shop'],
      risk: 'LOW',
      template: { templateId, version: 1 },
    });
    const before = await countEvents(app);
    const inFreeze = await mutateChange(app, manager, 'scheduleChange', { id, plannedStart: '2026-03-31T10:00:00.000Z', plannedEnd: '2026-03-31T11:00:00.000Z' });
    expect(errorCode(inFreeze)).toBe('SCHEDULE_CONFLICT');
    expect(await countEvents(app)).toBe(before);
    const outside = await changeChange(app, manager, 'scheduleChange', { id, plannedStart: '2026-04-03T10:00:00.000Z', plannedEnd: '2026-04-03T11:00:00.000Z' });
    expect(outside.change).toMatchObject({ state: 'SCHEDULED', conflicts: [] });

    const revised = await templateMutation(app, manager, 'reviseChangeTemplate', { id: templateId, testPlan: 'Check the expiry date' });
    expect(revised.data!.reviseChangeTemplate.changeTemplate.templateVersion).toBe(2);
    const fromRevision = await requestChange(app, agent, { type: 'STANDARD', templateId, title: 'Renew shop certificate', serviceIds: undefined });
    expect(fromRevision.change['template']).toEqual({ templateId, version: 2 });
    await templateMutation(app, manager, 'retireChangeTemplate', { id: templateId, reason: 'Renewal is automatic now' });
    const fromRetired = await mutateChange(app, agent, 'requestChange', { type: 'STANDARD', templateId });
    expect(fromRetired.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'templateId' });
  });
});
