import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RecordedEvent } from '#event-store';
import type { Projection } from '#read-model';
import { openIncident } from './support/incident-api.js';
import { caughtUp, logProblem } from './support/problem-api.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** A follower of problems only, remembering what it is handed. */
const handed: RecordedEvent[] = [];
const problemsOnly: Projection = {
  name: 'test-problems-only',
  follows: { problem: ['ProblemLogged'] },
  applyBatch: async (events) => {
    handed.push(...events);
    return [];
  },
  reset: async () => undefined,
};

describe('a follower added beside the product’s own', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({}, [problemsOnly]);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('runs on the one reader of the log, is handed only what it follows, and shows in /health', async () => {
    const agent = await app.token('acme', ['agent']);
    const manager = await app.token('acme', ['problem_manager']);
    await openIncident(app, agent);
    const logged = await logProblem(app, manager);
    await openIncident(app, agent);
    await caughtUp(app, problemsOnly.name, logged.position);
    expect(handed.map((event) => event.type)).toEqual(['problem.logged.v1']);
    const health = (await (await fetch(`${app.url}/health`)).json()) as { projections: { projection: string }[] };
    expect(health.projections.map((status) => status.projection)).toContain(problemsOnly.name);
  });
});
