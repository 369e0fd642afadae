import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { graphql } from './support/graphql-client.js';
import { change, countEvents, errorCode, mutate, openIncident } from './support/incident-api.js';
import { requestChange } from './support/change-api.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const READ = `query Read($id: ID!, $at: String) { incident(id: $id, consistentWith: $at) { id state version workNotes { text } } }`;

describe('incident lifecycle through GraphQL', () => {
  let app: TestApp;
  let agent: string;

  beforeAll(async () => {
    app = await startTestApp();
    agent = await app.token('acme', ['agent']);
  });
  afterAll(async () => app?.close());

  it('walks open -> assign -> hold -> resume -> resolve -> reopen -> resolve -> close', async () => {
    const { incident } = await openIncident(app, agent);
    const { id } = incident;
    const steps: [string, Record<string, unknown>, Record<string, unknown>][] = [
      ['assignIncident', { assignmentGroup: 'network', assignee: 'alice' }, { state: 'IN_PROGRESS', assignee: 'alice' }],
      ['putIncidentOnHold', { holdReason: 'AWAITING_VENDOR' }, { state: 'ON_HOLD', holdReason: 'AWAITING_VENDOR' }],
      ['resumeIncident', {}, { state: 'IN_PROGRESS', holdReason: null }],
      [
        'resolveIncident',
        { resolutionCode: 'SOLVED_WORKAROUND', resolutionNotes: 'Rebooted' },
        { state: 'RESOLVED', resolution: { code: 'SOLVED_WORKAROUND', notes: 'Rebooted' } },
      ],
      ['reopenIncident', { reason: 'Broke again' }, { state: 'IN_PROGRESS', resolution: null, reopenCount: 1 }],
      [
        'resolveIncident',
        { resolutionCode: 'SOLVED_PERMANENTLY', resolutionNotes: 'Replaced the fuser' },
        { state: 'RESOLVED', resolution: { code: 'SOLVED_PERMANENTLY', notes: 'Replaced the fuser' } },
      ],
      ['closeIncident', {}, { state: 'CLOSED' }],
    ];
    let version = Number(incident.version);
    for (const [name, input, expected] of steps) {
      const payload = await change(app, agent, name, { id, ...input });
      expect(payload.incident).toMatchObject(expected);
      expect(Number(payload.version)).toBeGreaterThan(version);
      expect(payload.incident.version).toBe(payload.version);
      version = Number(payload.version);
    }
    // assign from NEW also starts work: one more event than there are steps after the open.
    expect(await countEvents(app, id)).toBe(steps.length + 2);
  });

  it('cancels an open incident with its reason', async () => {
    const { incident } = await openIncident(app, agent);
    const payload = await change(app, agent, 'cancelIncident', { id: incident.id, reason: 'Raised twice' });
    expect(payload.incident).toMatchObject({ state: 'CANCELED', cancellation: { reason: 'Raised twice' } });
  });

  it('runs the triage and collaboration mutations', async () => {
    const { incident } = await openIncident(app, agent, { impact: 3, urgency: 3 });
    const { id } = incident;
    expect((await change(app, agent, 'startIncidentWork', { id })).incident.state).toBe('IN_PROGRESS');
    const reprioritized = await change(app, agent, 'reprioritizeIncident', { id, impact: 1, urgency: 1, reason: 'CEO affected' });
    expect(reprioritized.incident).toMatchObject({ impact: 1, urgency: 1, priority: 'P1' });
    const updated = await change(app, agent, 'updateIncidentDetails', { id, title: 'Printer melted', serviceId: 'svc-print' });
    expect(updated.incident).toMatchObject({ title: 'Printer melted', serviceId: 'svc-print' });
    const noted = await change(app, agent, 'addIncidentWorkNote', { id, text: 'Smells of smoke' });
    expect(noted.incident.workNotes).toEqual([{ text: 'Smells of smoke', author: 'agent-1@acme' }]);
    const commented = await change(app, agent, 'addIncidentComment', { id, text: 'Technician on the way' });
    expect(commented.incident.comments).toEqual([{ text: 'Technician on the way', author: 'agent-1@acme' }]);
    const major = await change(app, agent, 'declareMajorIncident', { id, reason: 'Whole floor affected' });
    expect(major.incident).toMatchObject({ major: true, majorIncident: { reason: 'Whole floor affected' } });
    const problemId = randomUUID();
    // Links to changes name real ones.
    const changeId = (await requestChange(app, agent)).change.id;
    expect(errorCode(await mutate(app, agent, 'linkIncidentToChange', { id, changeId: randomUUID() }))).toBe('NOT_FOUND');
    expect((await change(app, agent, 'linkIncidentToProblem', { id, problemId })).incident.problemIds).toEqual([problemId]);
    expect((await change(app, agent, 'linkIncidentToChange', { id, changeId })).incident.changeIds).toEqual([changeId]);
    const reassigned = await change(app, agent, 'assignIncident', { id, assignmentGroup: 'facilities' });
    expect(reassigned.incident).toMatchObject({ assignmentGroup: 'facilities', assignee: null, state: 'IN_PROGRESS' });
  });

  it('refuses transitions that do not fit the state with INVALID_TRANSITION, appending nothing', async () => {
    const { incident } = await openIncident(app, agent);
    const { id } = incident;
    const before = await countEvents(app);
    const refusals: [string, Record<string, unknown>][] = [
      ['resumeIncident', {}],
      ['closeIncident', {}],
      ['reopenIncident', { reason: 'Not resolved yet' }],
      ['putIncidentOnHold', { holdReason: 'AWAITING_CALLER' }],
    ];
    for (const [name, input] of refusals) {
      expect(errorCode(await mutate(app, agent, name, { id, ...input }))).toBe('INVALID_TRANSITION');
    }
    await change(app, agent, 'cancelIncident', { id, reason: 'Not needed' });
    const afterCancel = await countEvents(app);
    const onCanceled: [string, Record<string, unknown>][] = [
      ['startIncidentWork', {}],
      ['addIncidentWorkNote', { text: 'Too late' }],
      ['cancelIncident', { reason: 'Again' }],
    ];
    for (const [name, input] of onCanceled) {
      expect(errorCode(await mutate(app, agent, name, { id, ...input }))).toBe('INVALID_TRANSITION');
    }
    expect(await countEvents(app)).toBe(afterCancel);
    expect(afterCancel).toBe(before + 1);
  });

  it('answers a retry with the same commandId with the first result, appending once', async () => {
    const { incident } = await openIncident(app, agent);
    const input = { id: incident.id, text: 'Only once', commandId: `note-${randomUUID()}` };
    const first = await change(app, agent, 'addIncidentWorkNote', input);
    const retry = await change(app, agent, 'addIncidentWorkNote', input);
    expect(retry.version).toBe(first.version);
    expect(retry.position).toBe(first.position);
    expect(retry.incident.workNotes).toEqual([{ text: 'Only once', author: 'agent-1@acme' }]);
    expect(await countEvents(app, incident.id)).toBe(2);
  });

  it('refuses a stale expectedVersion with CONCURRENCY_CONFLICT and accepts the current one', async () => {
    const { incident, version } = await openIncident(app, agent);
    const noted = await change(app, agent, 'addIncidentWorkNote', { id: incident.id, text: 'First', expectedVersion: version });
    const stale = await mutate(app, agent, 'addIncidentWorkNote', { id: incident.id, text: 'Second', expectedVersion: version });
    expect(errorCode(stale)).toBe('CONCURRENCY_CONFLICT');
    expect(stale.errors?.[0]?.extensions?.actualVersion).toBe(noted.version);
    expect(await countEvents(app, incident.id)).toBe(2);
    await change(app, agent, 'addIncidentWorkNote', { id: incident.id, text: 'Second', expectedVersion: noted.version });
  });

  it('reads its own writes with consistentWith', async () => {
    const { incident } = await openIncident(app, agent);
    const payload = await mutate(app, agent, 'addIncidentWorkNote', { id: incident.id, text: 'Fresh' });
    const { version, position } = payload.data!.addIncidentWorkNote!;
    const read = await graphql<{ incident: { version: string; workNotes: unknown[] } }>(
      app.url,
      READ,
      { id: incident.id, at: position },
      agent,
    );
    expect(read.data?.incident).toMatchObject({ version, workNotes: [{ text: 'Fresh' }] });
  });

  describe('invalid input appends nothing', () => {
    let id: string;
    beforeAll(async () => {
      id = (await openIncident(app, agent)).incident.id;
    });

    // Rows of equal length: jest takes a test function with more parameters than the row for `done`.
    const cases: [string, string, Record<string, unknown>, string, string | null][] = [
      ['a missing field', 'resolveIncident', { resolutionCode: 'DUPLICATE' }, 'BAD_USER_INPUT', null],
      ['a too long reason', 'cancelIncident', { reason: 'x'.repeat(2_001) }, 'BAD_USER_INPUT', 'reason'],
      ['a wrong enum', 'putIncidentOnHold', { holdReason: 'LUNCH_BREAK' }, 'BAD_USER_INPUT', null],
      ['an out-of-range level', 'reprioritizeIncident', { impact: 4, urgency: 1, reason: 'x' }, 'BAD_USER_INPUT', 'impact'],
      ['a blank note', 'addIncidentWorkNote', { text: '   ' }, 'BAD_USER_INPUT', 'text'],
      ['an empty assignment', 'assignIncident', {}, 'BAD_USER_INPUT', 'assignee'],
      ['a malformed problem id', 'linkIncidentToProblem', { problemId: 'PRB1' }, 'BAD_USER_INPUT', 'problemId'],
      ['a malformed expectedVersion', 'startIncidentWork', { expectedVersion: '-1' }, 'BAD_USER_INPUT', 'expectedVersion'],
    ];
    it.each(cases)('%s', async (_case, name, input, code, field) => {
      const before = await countEvents(app);
      const response = await mutate(app, agent, name, { id, ...input });
      expect(errorCode(response)).toBe(code);
      if (field) expect(response.errors?.[0]?.extensions?.field).toBe(field);
      expect(JSON.stringify(response)).not.toContain('    at ');
      expect(await countEvents(app)).toBe(before);
    });

    it('a missing field in the document itself', async () => {
      const response = await graphql(app.url, `mutation { resumeIncident(input: {}) { version } }`, {}, agent);
      expect(errorCode(response)).toBe('GRAPHQL_VALIDATION_FAILED');
    });

    it('an unknown id is NOT_FOUND and a malformed one BAD_USER_INPUT', async () => {
      const before = await countEvents(app);
      expect(errorCode(await mutate(app, agent, 'startIncidentWork', { id: randomUUID() }))).toBe('NOT_FOUND');
      const malformed = await mutate(app, agent, 'startIncidentWork', { id: `x-${id}` });
      expect(errorCode(malformed)).toBe('BAD_USER_INPUT');
      expect(malformed.errors?.[0]?.extensions?.field).toBe('id');
      expect(await countEvents(app)).toBe(before);
    });
  });

  describe('requesters', () => {
    it('comment on their own incidents only, and work none', async () => {
      const requester = await app.token('acme', ['requester'], 'rita@acme');
      const own = await openIncident(app, requester);
      const commented = await change(app, requester, 'addIncidentComment', { id: own.incident.id, text: 'Any news?' });
      expect(commented.incident.comments).toEqual([{ text: 'Any news?', author: 'rita@acme' }]);
      const someoneElses = await openIncident(app, agent);
      const before = await countEvents(app);
      const foreign = await mutate(app, requester, 'addIncidentComment', { id: someoneElses.incident.id, text: 'Hi' });
      expect(errorCode(foreign)).toBe('NOT_FOUND');
      const resolve = { id: own.incident.id, resolutionCode: 'RESOLVED_BY_CALLER', resolutionNotes: 'Fixed it myself' };
      expect(errorCode(await mutate(app, requester, 'resolveIncident', resolve))).toBe('FORBIDDEN');
      expect(await countEvents(app)).toBe(before);
    });
  });
});
