import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { graphql } from './support/graphql-client.js';
import { requestChange } from './support/change-api.js';
import { change, countEvents, errorCode, openIncident } from './support/incident-api.js';
import { caughtUp, changeProblem, eventually, logProblem, mutateProblem } from './support/problem-api.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const PM = 'problem-fix-resolves-incidents';
const INCIDENT = `query Incident($id: ID!) { incident(id: $id) { id state version resolution { code notes } problemIds problem { id number state knownError workaround } } }`;
const HISTORY = `query History($id: ID!) { history(recordId: $id) { eventId type data metadata { actor correlationId causationId } } }`;
const PROBLEM = `query Problem($id: ID!, $after: String) { problem(id: $id, consistentWith: $after) { state linkedIncidentIds knownError workaround } }`;
const KNOWN_ERRORS = `query KnownErrors($text: String) { problems(filter: { knownError: true, text: $text }) { edges { node { id number workaround } } } }`;

interface IncidentRead {
  readonly id: string;
  readonly state: string;
  readonly resolution: { code: string; notes: string } | null;
  readonly problem: { id: string; number: string; state: string; knownError: boolean; workaround: string | null } | null;
}

describe('problem management end to end', () => {
  let app: TestApp;
  let agent: string;
  let manager: string;

  beforeAll(async () => {
    app = await startTestApp();
    agent = await app.token('acme', ['agent']);
    manager = await app.token('acme', ['problem_manager']);
  });
  afterAll(async () => app?.close());

  async function incident(id: string, token = agent): Promise<IncidentRead> {
    const response = await graphql<{ incident: IncidentRead }>(app.url, INCIDENT, { id }, token);
    expect(response.errors).toBeUndefined();
    return response.data!.incident;
  }

  async function history(id: string) {
    const response = await graphql<{ history: { eventId: string; type: string; data: Record<string, unknown>; metadata: Record<string, string> }[] }>(
      app.url,
      HISTORY,
      { id },
      agent,
    );
    expect(response.errors).toBeUndefined();
    return response.data!.history;
  }

  /** A problem taken to FIX_IN_PROGRESS, with `incidents` linked to it. */
  async function problemInFix(incidents: readonly string[]): Promise<string> {
    const logged = await logProblem(app, manager, { statement: 'Mail relay drops connections under load', impact: 1, urgency: 2 });
    const id = logged.problem.id;
    expect(logged.problem).toMatchObject({ number: expect.stringMatching(/^PRB\d{7}$/), state: 'NEW', priority: 'P2' });
    for (const incidentId of incidents) await change(app, manager, 'linkIncidentToProblem', { id: incidentId, problemId: id });
    await changeProblem(app, manager, 'assessProblem', { id, impact: 1, urgency: 2 });
    await changeProblem(app, manager, 'startRootCauseAnalysis', { id });
    await changeProblem(app, agent, 'recordRootCause', { id, rootCause: 'Connection pool of the relay is too small' });
    return id;
  }

  it('takes a problem from log to FIX_APPLIED: the known error shows on its incidents, which are resolved, naming it as the cause', async () => {
    const first = (await openIncident(app, agent, { title: 'Mail bounces' })).incident.id;
    const second = (await openIncident(app, agent, { title: 'Outlook disconnects' })).incident.id;
    const closed = (await openIncident(app, agent, { title: 'Mail slow last week' })).incident.id;
    const id = await problemInFix([first, second, closed]);
    // Closed meanwhile: the fix must leave it alone.
    await change(app, agent, 'resolveIncident', { id: closed, resolutionCode: 'SOLVED_WORKAROUND', resolutionNotes: 'Retried' });
    await change(app, agent, 'closeIncident', { id: closed });

    const published = await changeProblem(app, manager, 'markKnownError', { id, workaround: 'Restart the mail relay' });
    expect(published.problem).toMatchObject({ state: 'FIX_IN_PROGRESS', knownError: true, workaround: 'Restart the mail relay' });
    const linked = await graphql<{ problem: { linkedIncidentIds: string[] } }>(app.url, PROBLEM, { id, after: published.position }, agent);
    expect(linked.data!.problem.linkedIncidentIds).toEqual([first, second, closed]);
    for (const incidentId of [first, second]) {
      const shown = await eventually(() => incident(incidentId), (read) => read.problem?.knownError === true);
      expect(shown.problem).toEqual({ id, number: published.problem.number, state: 'FIX_IN_PROGRESS', knownError: true, workaround: 'Restart the mail relay' });
    }
    const known = await graphql<{ problems: { edges: { node: { id: string } }[] } }>(app.url, KNOWN_ERRORS, { text: 'relay' }, agent);
    expect(known.data!.problems.edges.map((edge) => edge.node.id)).toContain(id);

    // A fixing change names a real change of the tenant.
    const fix = await requestChange(app, manager, { title: 'Enlarge the connection pool' });
    expect(errorCode(await mutateProblem(app, manager, 'recordProblemFixingChange', { id, changeId: '66666666-7777-4888-8999-000000000000' }))).toBe('NOT_FOUND');
    await changeProblem(app, manager, 'recordProblemFixingChange', { id, changeId: fix.change.id });
    const closedEvents = await countEvents(app, closed);
    const resolved = await changeProblem(app, manager, 'resolveProblem', { id, resolutionCode: 'FIX_APPLIED', resolutionNotes: 'Pool enlarged' });
    expect(resolved.problem).toMatchObject({ state: 'RESOLVED', resolution: { code: 'FIX_APPLIED', duplicateOf: null, notes: 'Pool enlarged' } });

    const cause = (await history(id)).find((event) => event.type === 'problem.resolved.v1')!;
    for (const incidentId of [first, second]) {
      const read = await eventually(() => incident(incidentId), (current) => current.state === 'RESOLVED', 5_000);
      expect(read.resolution).toEqual({ code: 'RESOLVED_BY_PROBLEM', notes: `Resolved by the fix applied to problem ${published.problem.number}` });
      expect(read.problem).toMatchObject({ state: 'RESOLVED' });
      const effect = (await history(incidentId)).at(-1)!;
      expect(effect.type).toBe('incident.resolved.v1');
      expect(effect.metadata).toMatchObject({ actor: 'system:problem-fix', causationId: cause.eventId, correlationId: cause.metadata.correlationId });
      expect((await history(incidentId)).map((event) => event.type)).toContain('incident.linked-to-problem.v1');
    }
    await caughtUp(app, PM, resolved.position);
    expect(await countEvents(app, closed)).toBe(closedEvents);
    expect((await incident(closed)).state).toBe('CLOSED');
  });

  it('resolves nothing when the tenant turned the policy off', async () => {
    const admin = await app.token('initech', ['admin']);
    const initechAgent = await app.token('initech', ['agent']);
    const initechManager = await app.token('initech', ['problem_manager']);
    const policy = await graphql<{ configureProblemIncidentPolicy: { problemIncidentPolicy: { resolveLinkedIncidentsOnFix: boolean } } }>(
      app.url,
      `mutation { configureProblemIncidentPolicy(input: { resolveLinkedIncidentsOnFix: false }) { problemIncidentPolicy { resolveLinkedIncidentsOnFix } } }`,
      {},
      admin,
    );
    expect(policy.data!.configureProblemIncidentPolicy.problemIncidentPolicy.resolveLinkedIncidentsOnFix).toBe(false);
    const incidentId = (await openIncident(app, initechAgent, { title: 'VPN drops' })).incident.id;
    const id = (await logProblem(app, initechManager)).problem.id;
    await change(app, initechManager, 'linkIncidentToProblem', { id: incidentId, problemId: id });
    for (const [name, input] of [
      ['assessProblem', { impact: 2, urgency: 2 }],
      ['startRootCauseAnalysis', {}],
      ['recordRootCause', { rootCause: 'Firmware bug' }],
    ] as const)
      await changeProblem(app, initechManager, name, { id, ...input });
    const before = await countEvents(app, incidentId);
    const resolved = await changeProblem(app, initechManager, 'resolveProblem', { id, resolutionCode: 'FIX_APPLIED' });
    await caughtUp(app, PM, resolved.position);
    expect(await countEvents(app, incidentId)).toBe(before);
  });

  it('takes retries and expected versions as incidents do', async () => {
    const input = { statement: 'Backups fail nightly', impact: 3, urgency: 2, commandId: 'log-backups-1' };
    const first = await logProblem(app, manager, input);
    const retry = await logProblem(app, manager, input);
    expect(retry.problem.id).toBe(first.problem.id);
    expect(retry.version).toBe(first.version);
    expect(first.problem).toMatchObject({ priority: 'P4', state: 'NEW' });
    const reused = await mutateProblem(app, manager, 'logProblem', { ...input, statement: 'Something else' });
    expect(reused.errors?.[0]?.extensions?.code).toBe('IDEMPOTENCY_KEY_REUSED');
    await changeProblem(app, manager, 'assessProblem', { id: first.problem.id, impact: 3, urgency: 2 });
    const stale = await mutateProblem(app, manager, 'assignProblem', { id: first.problem.id, assignee: 'dave', expectedVersion: first.version });
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONCURRENCY_CONFLICT');
    const misfit = await mutateProblem(app, manager, 'closeProblem', { id: first.problem.id });
    expect(misfit.errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
  });

  it('moves and removes links: an incident names at most one problem, and both records show it', async () => {
    const incidentId = (await openIncident(app, agent)).incident.id;
    const one = (await logProblem(app, manager)).problem.id;
    const other = (await logProblem(app, manager)).problem.id;
    await change(app, agent, 'linkIncidentToProblem', { id: incidentId, problemId: one });
    const moved = await change(app, agent, 'linkIncidentToProblem', { id: incidentId, problemId: other });
    expect(moved.incident.problemIds).toEqual([other]);
    const read = async (id: string) =>
      (await graphql<{ problem: { linkedIncidentIds: string[] } }>(app.url, PROBLEM, { id, after: moved.position }, agent)).data!.problem;
    expect((await read(one)).linkedIncidentIds).toEqual([]);
    expect((await read(other)).linkedIncidentIds).toEqual([incidentId]);
    const unlinked = await change(app, manager, 'unlinkIncidentFromProblem', { id: incidentId, problemId: other });
    expect(unlinked.incident.problemIds).toEqual([]);
    expect((await incident(incidentId)).problem).toBeNull();
    const again = await graphql(app.url, `mutation($input: UnlinkIncidentFromProblemInput!) { unlinkIncidentFromProblem(input: $input) { version } }`, { input: { id: incidentId, problemId: other } }, agent);
    expect(again.errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
  });
});
