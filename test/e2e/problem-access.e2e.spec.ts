import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from 'graphql-ws';
import { graphql, wsClient } from './support/graphql-client.js';
import { changeProblem, logProblem, mutateProblem, PROBLEM_MUTATIONS } from './support/problem-api.js';
import { SubscriptionRecorder } from './support/subscription-recorder.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import type { Role } from '../../apps/api/src/auth/principal.js';

const READS: Record<string, string> = {
  problem: `query($id: ID!) { problem(id: $id) { id } }`,
  problemAsOf: `query($id: ID!) { problemAsOf(id: $id, at: "2100-01-01T00:00:00Z") { id } }`,
  history: `query($id: ID!) { history(recordId: $id) { type } }`,
};
const LIST = `query { problems { edges { node { id } } } }`;
const PROBLEM_CHANGED = `subscription($id: ID!) { problemChanged(id: $id) { id state version } }`;
const PROBLEMS_CHANGED = `subscription { problemsChanged { id state } }`;

describe('who may see and work problems; tenants stay apart', () => {
  let app: TestApp;
  let manager: string;
  let problemId: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    app = await startTestApp();
    manager = await app.token('acme', ['problem_manager']);
    problemId = (await logProblem(app, manager)).problem.id;
  });
  afterEach(async () => Promise.all(clients.splice(0).map((client) => client.dispose())));
  afterAll(async () => app?.close());

  const connections: Promise<unknown>[] = [];

  /** graphql-ws connects on the first subscribe; `settle` waits for that, then leaves the server time to listen. */
  function connect(token: string): Client {
    const client = wsClient(app.url, token);
    clients.push(client);
    connections.push(new Promise((resolve) => client.on('connected', resolve)));
    return client;
  }

  async function settle(): Promise<void> {
    await Promise.all(connections.splice(0));
    await new Promise((resolve) => setTimeout(resolve, 300));
  }

  const code = (response: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => response.errors?.[0]?.extensions?.code;

  it.each([
    ['problem_manager', 'works'],
    ['agent', 'works'],
    ['auditor', 'reads'],
    ['requester', 'FORBIDDEN'],
    ['change_manager', 'FORBIDDEN'],
    ['cab_member', 'FORBIDDEN'],
    ['automation', 'FORBIDDEN'],
    ['admin', 'FORBIDDEN'],
  ] as const)('%s: %s', async (role, access) => {
    const token = await app.token('acme', [role as Role]);
    for (const query of Object.values(READS)) {
      const response = await graphql(app.url, query, { id: problemId }, token);
      expect(code(response)).toBe(access === 'FORBIDDEN' ? 'FORBIDDEN' : undefined);
    }
    expect(code(await graphql(app.url, LIST, {}, token))).toBe(access === 'FORBIDDEN' ? 'FORBIDDEN' : undefined);
    const logged = await mutateProblem(app, token, 'logProblem', { statement: 'Disk fills up', impact: 3, urgency: 3 });
    expect(code(logged)).toBe(access === 'works' ? undefined : 'FORBIDDEN');
    const assigned = await mutateProblem(app, token, 'assignProblem', { id: problemId, assignee: `${role}-pick` });
    expect(code(assigned)).toBe(access === 'works' ? undefined : 'FORBIDDEN');
  });

  it('answers NOT_FOUND to another tenant for every problem query and mutation, and changes nothing', async () => {
    const stranger = await app.token('globex', ['problem_manager']);
    for (const query of Object.values(READS)) expect(code(await graphql(app.url, query, { id: problemId }, stranger))).toBe('NOT_FOUND');
    const listed = await graphql<{ problems: { edges: unknown[] } }>(app.url, LIST, {}, stranger);
    expect(listed.data!.problems.edges).toEqual([]);
    for (const [name, input] of Object.entries(PROBLEM_MUTATIONS)) {
      expect([name, code(await mutateProblem(app, stranger, name, { id: problemId, ...input }))]).toEqual([name, 'NOT_FOUND']);
    }
    const node = await graphql<{ node: unknown }>(app.url, `query($id: ID!) { node(id: $id) { id } }`, { id: problemId }, stranger);
    expect(node.data!.node).toBeNull();
  });

  it("pushes a problem's changes to its tenant's subscribers only", async () => {
    const own = new SubscriptionRecorder<{ problemChanged: { state: string } }>(connect(manager), PROBLEM_CHANGED, { id: problemId });
    const ownList = new SubscriptionRecorder<{ problemsChanged: { id: string } }>(connect(manager), PROBLEMS_CHANGED);
    const stranger = await app.token('globex', ['problem_manager']);
    const strangerClient = connect(stranger);
    const strangersOne = new SubscriptionRecorder(strangerClient, PROBLEM_CHANGED, { id: problemId });
    const strangersList = new SubscriptionRecorder(strangerClient, PROBLEMS_CHANGED);
    await strangersOne.ended();
    expect(strangersOne.errors[0]?.extensions?.code).toBe('NOT_FOUND');
    await settle();
    const assessed = await changeProblem(app, manager, 'assessProblem', { id: problemId, impact: 1, urgency: 1 });
    expect((await own.take(1))[0]!.problemChanged.state).toBe('ASSESSED');
    expect((await ownList.take(1))[0]!.problemsChanged.id).toBe(problemId);
    // Pushed to the owner's list subscription: the same notice has reached the stranger's, which kept nothing.
    const later = await logProblem(app, stranger, { statement: 'Globex own problem' });
    await strangersList.take(1);
    expect(strangersList.data).toEqual([{ problemsChanged: { id: later.problem.id, state: 'NEW' } }]);
    expect(assessed.problem.state).toBe('ASSESSED');
  });
});
