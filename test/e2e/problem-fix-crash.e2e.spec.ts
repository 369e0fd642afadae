import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { graphql } from './support/graphql-client.js';
import { change, openIncident } from './support/incident-api.js';
import { caughtUp, changeProblem, eventually, EVERY_FOLLOWER, logProblem } from './support/problem-api.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const PROJECTOR = 'dist/apps/projector/src/main.js';
const PM = 'problem-fix-resolves-incidents';
const HISTORY = `query History($id: ID!) { history(recordId: $id) { eventId type metadata { causationId } } }`;

/**
 * The process manager killed for real: a projector process (SIGKILL) stopped after it sent a
 * cause's effects and before it could commit its checkpoint, which this test keeps from moving.
 * The next projector reads the cause again; the effects must still happen exactly once.
 */
describe('the problem fix process manager across a kill', () => {
  let app: TestApp;
  let projector: ChildProcess | undefined;

  function startProjector(): ChildProcess {
    const child = spawn(process.execPath, [PROJECTOR], {
      env: { PATH: process.env.PATH ?? '', EVENT_STORE_URL: app.database.url, JWT_SECRET: 'crash-test-secret-long-enough-for-hs256', LOG_LEVEL: 'error' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    projector = child;
    return child;
  }

  beforeAll(async () => {
    // The API runs no projector: the child processes are the only ones.
    app = await startTestApp({ RUN_PROJECTOR: 'false' });
    startProjector();
  });
  afterAll(async () => {
    projector?.kill('SIGKILL');
    await app?.close();
  });

  it('resolves each linked incident exactly once when killed between reading the cause and committing', async () => {
    // The child's timer worker runs on the real clock: on the API's, SLA timers would fall due
    // at once and append at moments the test does not control.
    app.clock.advance(Date.now() - app.clock.now().getTime());
    const agent = await app.token('acme', ['agent']);
    const manager = await app.token('acme', ['problem_manager']);
    const incidents = [(await openIncident(app, agent)).incident.id, (await openIncident(app, agent)).incident.id];
    const id = (await logProblem(app, manager)).problem.id;
    for (const incidentId of incidents) await change(app, manager, 'linkIncidentToProblem', { id: incidentId, problemId: id });
    await changeProblem(app, manager, 'assessProblem', { id, impact: 2, urgency: 2 });
    await changeProblem(app, manager, 'startRootCauseAnalysis', { id });
    const inFix = await changeProblem(app, manager, 'recordRootCause', { id, rootCause: 'Bad firmware' });
    // Every projection idle: one caught by the lock halfway through an earlier batch would hold
    // a transaction id older than the cause, and hide the cause from every reader of the log.
    for (const follower of EVERY_FOLLOWER) await caughtUp(app, follower, inFix.position);

    const resolutions = async (incidentId: string) => {
      const response = await graphql<{ history: { type: string; metadata: { causationId: string } }[] }>(app.url, HISTORY, { id: incidentId }, agent);
      return response.data!.history.filter((event) => event.type === 'incident.resolved.v1');
    };
    const lock = new pg.Client({ connectionString: app.database.url });
    await lock.connect();
    try {
      // A table lock takes no transaction id, so the event log stays visible to readers; it
      // stops every checkpoint from moving, the process manager's among them.
      await lock.query('BEGIN');
      await lock.query('LOCK TABLE projection_checkpoints IN EXCLUSIVE MODE');
      // Only what needs no read model, whose projections wait for the lock too.
      const resolving = await graphql<{ resolveProblem: { position: string } }>(
        app.url,
        `mutation($input: ResolveProblemInput!) { resolveProblem(input: $input) { position } }`,
        { input: { id, resolutionCode: 'FIX_APPLIED' } },
        manager,
      );
      expect(resolving.errors).toBeUndefined();
      const resolved = resolving.data!.resolveProblem;
      // The effects are in the event store, the checkpoint still before their cause: kill now.
      for (const incidentId of incidents) await eventually(() => resolutions(incidentId), (found) => found.length === 1);
      const killed = projector!;
      killed.kill('SIGKILL');
      await once(killed, 'exit');
      await lock.query('ROLLBACK');

      startProjector();
      await caughtUp(app, PM, resolved.position);
      const cause = (await graphql<{ history: { eventId: string; type: string }[] }>(app.url, HISTORY, { id }, agent)).data!.history.find(
        (event) => event.type === 'problem.resolved.v1',
      )!;
      for (const incidentId of incidents) {
        const found = await resolutions(incidentId);
        expect(found).toHaveLength(1);
        expect(found[0]!.metadata.causationId).toBe(cause.eventId);
      }
    } finally {
      await lock.end();
    }
  });
});
