import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { changeChange, requestChange, templateMutation } from './support/change-api.js';
import { graphql } from './support/graphql-client.js';
import { openIncident } from './support/incident-api.js';
import { caughtUp, eventually, EVERY_FOLLOWER, logProblem } from './support/problem-api.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const PROJECTOR = 'dist/apps/projector/src/main.js';
const PROCESS = 'change-unsuccessful-flags-records';
const HISTORY = `query History($id: ID!) { history(recordId: $id) { eventId type data metadata { actor causationId } } }`;

interface HistoryEvent {
  readonly eventId: string;
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly metadata: { readonly actor: string; readonly causationId: string };
}

/**
 * A change closed UNSUCCESSFUL flags its linked incidents, exactly once even when the projector
 * process is killed (SIGKILL) after sending the flags and before committing its checkpoint, which
 * the test keeps from moving: the next projector reads the cause again.
 */
describe('the change follow-up process manager across a kill', () => {
  let app: TestApp;
  let projector: ChildProcess | undefined;

  function startProjector(): void {
    projector = spawn(process.execPath, [PROJECTOR], {
      env: { PATH: process.env.PATH ?? '', EVENT_STORE_URL: app.database.url, JWT_SECRET: 'follow-up-test-secret-long-enough-for-hs256', LOG_LEVEL: 'error' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
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

  it('flags each linked incident and problem once, naming the change; the flag shows on them and in their list filters', async () => {
    // The child's timer worker runs on the real clock; on the API's, SLA timers would fall due at once.
    app.clock.advance(Date.now() - app.clock.now().getTime());
    const agent = await app.token('acme', ['agent']);
    const manager = await app.token('acme', ['change_manager']);
    const incidents = [(await openIncident(app, agent)).incident.id, (await openIncident(app, agent)).incident.id];
    const problemId = (await logProblem(app, await app.token('acme', ['problem_manager']))).problem.id;
    const template = await templateMutation(app, manager, 'createChangeTemplate', {
      name: 'Firmware update',
      serviceIds: ['printers'],
      implementationPlan: 'Flash it',
      backoutPlan: 'Flash the old one',
    });
    const { change } = await requestChange(app, manager, { type: 'STANDARD', templateId: template.data!.createChangeTemplate.changeTemplate.id, serviceIds: undefined });
    const id = change.id;
    for (const incidentId of incidents) await changeChange(app, manager, 'linkChangeToIncident', { id, incidentId });
    await changeChange(app, manager, 'linkChangeToProblem', { id, problemId });
    const start = new Date(Date.now() + 86_400_000);
    await changeChange(app, manager, 'scheduleChange', { id, plannedStart: start.toISOString(), plannedEnd: new Date(start.getTime() + 3_600_000).toISOString() });
    await changeChange(app, manager, 'startChangeImplementation', { id });
    const implemented = await changeChange(app, manager, 'completeChangeImplementation', { id, closeCode: 'UNSUCCESSFUL', closeNotes: 'Bricked two printers' });
    // Every follower idle (see EVERY_FOLLOWER) before the lock.
    for (const follower of EVERY_FOLLOWER) await caughtUp(app, follower, implemented.position);

    const flags = async (recordId: string) => {
      const response = await graphql<{ history: HistoryEvent[] }>(app.url, HISTORY, { id: recordId }, agent);
      return response.data!.history.filter((event) => event.type.endsWith('.flagged-for-follow-up.v1'));
    };
    const lock = new pg.Client({ connectionString: app.database.url });
    await lock.connect();
    let closedAt: string;
    try {
      // A table lock takes no transaction id, so the log stays visible; it stops every checkpoint.
      await lock.query('BEGIN');
      await lock.query('LOCK TABLE projection_checkpoints IN EXCLUSIVE MODE');
      // Only the position: the record itself would wait for a read model held up by the lock.
      const closing = await graphql<{ completeChangeReview: { position: string } }>(
        app.url,
        `mutation($input: CompleteChangeReviewInput!) { completeChangeReview(input: $input) { position } }`,
        { input: { id, reviewNotes: 'Test firmware on one printer first' } },
        manager,
      );
      expect(closing.errors).toBeUndefined();
      closedAt = closing.data!.completeChangeReview.position;
      // The flags are in the event store, the checkpoint still before their cause: kill now.
      for (const recordId of [...incidents, problemId]) await eventually(() => flags(recordId), (found) => found.length === 1);
      const killed = projector!;
      killed.kill('SIGKILL');
      await once(killed, 'exit');
      await lock.query('ROLLBACK');
    } finally {
      await lock.end();
    }

    startProjector();
    await caughtUp(app, PROCESS, closedAt);
    await caughtUp(app, 'incidents', closedAt);
    await caughtUp(app, 'problems', closedAt);
    const cause = (await graphql<{ history: HistoryEvent[] }>(app.url, HISTORY, { id }, agent)).data!.history.find(
      (event) => event.type === 'change.review-completed.v1',
    )!;
    for (const recordId of [...incidents, problemId]) {
      const found = await flags(recordId);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({
        data: { changeId: id, changeNumber: change['number'] },
        metadata: { actor: 'system:change-follow-up', causationId: cause.eventId },
      });
    }
    const flagged = await graphql<{ incidents: { edges: { node: { id: string; followUps: { changeNumber: string }[] } }[] } }>(
      app.url,
      `{ incidents(first: 10, filter: { followUp: true }) { edges { node { id followUps { changeNumber } } } } }`,
      {},
      agent,
    );
    expect(flagged.data!.incidents.edges.map(({ node }) => node.id).sort()).toEqual([...incidents].sort());
    expect(flagged.data!.incidents.edges[0]!.node.followUps).toEqual([{ changeNumber: change['number'] }]);
    const flaggedProblems = await graphql<{ problems: { edges: { node: { id: string; followUps: { changeNumber: string }[] } }[] } }>(
      app.url,
      `{ problems(first: 10, filter: { followUp: true }) { edges { node { id followUps { changeNumber } } } } }`,
      {},
      agent,
    );
    expect(flaggedProblems.data!.problems.edges.map(({ node }) => node)).toEqual([{ id: problemId, followUps: [{ changeNumber: change['number'] }] }]);
  });
});
