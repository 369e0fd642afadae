import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { v5 as uuidv5 } from 'uuid';
import { graphql } from './support/graphql-client.js';
import { change, openIncident } from './support/incident-api.js';
import { caughtUp, changeProblem, eventually, EVERY_FOLLOWER, logProblem } from './support/problem-api.js';
import { OutboxHold, outboxEffects, outboxSize } from './support/reactor-outbox.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const PROJECTOR = 'dist/apps/projector/src/main.js';
const PM = 'problem-fix-resolves-incidents';
const HISTORY = `query History($id: ID!) { history(recordId: $id) { eventId type metadata { causationId commandId } } }`;
/** The namespace of the command ids the problem fix has always derived from its cause: they must not change. */
const COMMAND_ID_NAMESPACE = '9d4b2f61-8c3e-4a7d-b5e9-1f0a2c3d4e5f';

/**
 * The problem-fix reactor killed for real, in its dangerous window: a projector process
 * (SIGKILL) stopped after its batch committed the cause's effects to the outbox and after it
 * sent them, before it could delete them from the outbox, which this test keeps it from doing.
 * The next projector finds them still pending and sends them again; each must still happen
 * exactly once, under the id derived from the cause, with the cause as causation id.
 */
describe('the problem fix reactor across a kill', () => {
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

  it('resolves each linked incident exactly once when killed between sending the effects and forgetting them', async () => {
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
      const response = await graphql<{ history: { type: string; metadata: { causationId: string; commandId: string } }[] }>(app.url, HISTORY, { id: incidentId }, agent);
      return response.data!.history.filter((event) => event.type === 'incident.resolved.v1');
    };
    const hold = await OutboxHold.gate(app.database.url);
    try {
      // Only what needs no read model, whose projections might wait behind the reactor.
      const resolving = await graphql<{ resolveProblem: { position: string } }>(
        app.url,
        `mutation($input: ResolveProblemInput!) { resolveProblem(input: $input) { position } }`,
        { input: { id, resolutionCode: 'FIX_APPLIED' } },
        manager,
      );
      expect(resolving.errors).toBeUndefined();
      const resolved = resolving.data!.resolveProblem;
      const cause = (await graphql<{ history: { eventId: string; type: string }[] }>(app.url, HISTORY, { id }, agent)).data!.history.find(
        (event) => event.type === 'problem.resolved.v1',
      )!;
      const expectedIds = incidents.map((incidentId) => uuidv5(`${cause.eventId}/${incidentId}`, COMMAND_ID_NAMESPACE));
      await hold.holdDeletes();
      // The effects are sent and still in the outbox: kill now.
      for (const incidentId of incidents) await eventually(() => resolutions(incidentId), (found) => found.length === 1);
      const pending = await outboxEffects(app.database.pool, PM, cause.eventId);
      expect(pending).toHaveLength(incidents.length);
      expect(pending).toEqual(expect.arrayContaining(incidents.map((incidentId, index) => ({ record_id: incidentId, command_id: expectedIds[index] }))));
      const killed = projector!;
      killed.kill('SIGKILL');
      await once(killed, 'exit');
      await hold.release();

      startProjector();
      await caughtUp(app, PM, resolved.position);
      // The next projector sent what it found pending, and forgot it once sent.
      await eventually(() => outboxSize(app.database.pool, PM), (size) => size === 0);
      for (const [index, incidentId] of incidents.entries()) {
        const found = await resolutions(incidentId);
        expect(found).toHaveLength(1);
        expect(found[0]!.metadata).toEqual({ causationId: cause.eventId, commandId: expectedIds[index] });
      }
    } finally {
      await hold.release();
    }
  });
});
