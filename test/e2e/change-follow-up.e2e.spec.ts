import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { v5 as uuidv5 } from 'uuid';
import { changeChange, requestChange, templateMutation } from './support/change-api.js';
import { graphql } from './support/graphql-client.js';
import { openIncident } from './support/incident-api.js';
import { caughtUp, eventually, EVERY_FOLLOWER, logProblem } from './support/problem-api.js';
import { OutboxHold, outboxEffects, outboxSize } from './support/reactor-outbox.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const PROJECTOR = 'dist/apps/projector/src/main.js';
const PROCESS = 'change-unsuccessful-flags-records';
const HISTORY = `query History($id: ID!) { history(recordId: $id) { eventId type data metadata { actor causationId commandId } } }`;
/** The namespace of the command ids the change follow-up has always derived from its cause: they must not change. */
const COMMAND_ID_NAMESPACE = '2f7c9e41-6a3b-4d58-9e0c-8b1a5d7f3c26';

interface HistoryEvent {
  readonly eventId: string;
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly metadata: { readonly actor: string; readonly causationId: string; readonly commandId: string };
}

/**
 * A change closed UNSUCCESSFUL flags its linked incidents and problems, exactly once even when
 * the projector process is killed (SIGKILL) after its reactor committed the flags to the outbox
 * and sent them, and before it could delete them, which the test keeps it from doing: the next
 * projector finds them pending and sends them again under the same ids.
 */
describe('the change follow-up reactor across a kill', () => {
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
    const hold = await OutboxHold.gate(app.database.url);
    let closedAt: string;
    let cause: HistoryEvent;
    const records = [...incidents, problemId];
    const expectedId = (recordId: string) => uuidv5(`${cause.eventId}/${recordId}`, COMMAND_ID_NAMESPACE);
    try {
      // Only the position: the record itself would wait for a read model.
      const closing = await graphql<{ completeChangeReview: { position: string } }>(
        app.url,
        `mutation($input: CompleteChangeReviewInput!) { completeChangeReview(input: $input) { position } }`,
        { input: { id, reviewNotes: 'Test firmware on one printer first' } },
        manager,
      );
      expect(closing.errors).toBeUndefined();
      closedAt = closing.data!.completeChangeReview.position;
      cause = (await graphql<{ history: HistoryEvent[] }>(app.url, HISTORY, { id }, agent)).data!.history.find(
        (event) => event.type === 'change.review-completed.v1',
      )!;
      await hold.holdDeletes();
      // The flags are sent and still in the outbox: kill now.
      for (const recordId of records) await eventually(() => flags(recordId), (found) => found.length === 1);
      const pending = await outboxEffects(app.database.pool, PROCESS, cause.eventId);
      expect(pending).toEqual(records.map((recordId) => ({ record_id: recordId, command_id: expectedId(recordId) })));
      const killed = projector!;
      killed.kill('SIGKILL');
      await once(killed, 'exit');
    } finally {
      await hold.release();
    }

    startProjector();
    await caughtUp(app, PROCESS, closedAt);
    // The next projector sent what it found pending, and forgot it once sent.
    await eventually(() => outboxSize(app.database.pool, PROCESS), (size) => size === 0);
    await caughtUp(app, 'incidents', closedAt);
    await caughtUp(app, 'problems', closedAt);
    for (const recordId of records) {
      const found = await flags(recordId);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({
        data: { changeId: id, changeNumber: change['number'] },
        metadata: { actor: 'system:change-follow-up', causationId: cause.eventId, commandId: expectedId(recordId) },
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
