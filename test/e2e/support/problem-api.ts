import { CHANGE_FOLLOW_UP_PROCESS, PROBLEM_FIX_PROCESS } from '#projector';
import { projectionsFor } from '#read-model';
import { expect } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import { graphql, type GraphQLResponse } from './graphql-client.js';
import type { TestApp } from './test-app.js';

/** The problem fields the problem suites look at. */
export const PROBLEM_FIELDS = `id number state version priority impact urgency statement assignmentGroup assignee
  rootCause workaround knownError fixingChangeId linkedIncidentIds resolution { code duplicateOf notes }`;

export interface ProblemView {
  readonly id: string;
  readonly number: string;
  readonly state: string;
  readonly version: string;
  readonly [field: string]: unknown;
}

export interface ProblemPayloadView {
  readonly version: string;
  readonly position: string;
  readonly problem: ProblemView;
}

/** Every mutation on an existing problem, with an input valid for it in some state. */
export const PROBLEM_MUTATIONS: Record<string, Record<string, unknown>> = {
  assessProblem: { impact: 2, urgency: 2 },
  assignProblem: { assignee: 'carol' },
  startRootCauseAnalysis: {},
  recordRootCause: { rootCause: 'Pool too small' },
  documentProblemWorkaround: { workaround: 'Restart the relay' },
  markKnownError: { workaround: 'Restart the relay' },
  recordProblemFixingChange: { changeId: '66666666-7777-4888-8999-000000000000' },
  resolveProblem: { resolutionCode: 'FIX_APPLIED' },
  reanalyzeProblem: { reason: 'Came back' },
  closeProblem: {},
  cancelProblem: { reason: 'Not a problem' },
};

function mutationDocument(name: string): string {
  const inputType = `${name[0]!.toUpperCase()}${name.slice(1)}Input`;
  return `mutation Problem($input: ${inputType}!) { ${name}(input: $input) { version position problem { ${PROBLEM_FIELDS} } } }`;
}

export function mutateProblem(
  app: TestApp,
  token: string,
  name: string,
  input: Record<string, unknown>,
): Promise<GraphQLResponse<Record<string, ProblemPayloadView>>> {
  return graphql<Record<string, ProblemPayloadView>>(app.url, mutationDocument(name), { input }, token);
}

/** Like mutateProblem, but the call must succeed; returns its payload. */
export async function changeProblem(app: TestApp, token: string, name: string, input: Record<string, unknown>): Promise<ProblemPayloadView> {
  const response = await mutateProblem(app, token, name, input);
  expect(response.errors).toBeUndefined();
  return response.data![name]!;
}

export function logProblem(app: TestApp, token: string, input: Record<string, unknown> = {}): Promise<ProblemPayloadView> {
  return changeProblem(app, token, 'logProblem', { statement: 'Mail relay drops connections', impact: 2, urgency: 2, ...input });
}

/** Polls until `check` holds: for effects of the projector and the process manager, which follow the log. */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > deadline) throw new Error(`Condition not met in ${timeoutMs} ms; last value: ${JSON.stringify(value)}`);
    await sleep(50);
  }
}

/** Waits until a projection (or process manager) has committed past a mutation's position token. */
export async function caughtUp(app: TestApp, projection: string, token: string): Promise<void> {
  const target = token.slice(-32);
  await eventually(
    async () => {
      const { rows } = await app.database.pool.query<{ position: string }>(
        `SELECT lpad(to_hex(commit_position::bigint), 16, '0') || lpad(to_hex(prepare_position::bigint), 16, '0') AS position
         FROM projection_checkpoints WHERE projection = $1`,
        [projection],
      );
      return rows[0]?.position ?? '';
    },
    (position) => position >= target,
  );
}

/**
 * Every follower of the log the projector runs (projections and process managers) by name: a
 * crash test waits for all of them to be idle, since one caught by a lock halfway through a batch
 * would hold a transaction id older than what the test appends, and hide it from every reader.
 */
export const EVERY_FOLLOWER: readonly string[] = [
  ...projectionsFor({ incidentAutoCloseDays: 7 }).map((projection) => projection.name),
  PROBLEM_FIX_PROCESS,
  CHANGE_FOLLOW_UP_PROCESS,
];
