import { expect } from '@jest/globals';
import { graphql, type GraphQLResponse } from './graphql-client.js';
import type { TestApp } from './test-app.js';

/** The incident fields the lifecycle and audit suites look at. */
export const INCIDENT_FIELDS = `id number state version priority impact urgency assignmentGroup assignee holdReason
  reopenCount major problemIds changeIds title serviceId
  resolution { code notes } cancellation { reason } majorIncident { reason }
  workNotes { text author } comments { text author } timeline { event actor state }`;

export interface IncidentView {
  readonly id: string;
  readonly state: string;
  readonly version: string;
  readonly [field: string]: unknown;
}

export interface IncidentPayloadView {
  readonly version: string;
  readonly position: string;
  readonly incident: IncidentView;
}

/** Every mutation on an existing incident, with an input that is valid for it. */
export const CHANGE_MUTATIONS: Record<string, Record<string, unknown>> = {
  assignIncident: { assignee: 'alice' },
  startIncidentWork: {},
  putIncidentOnHold: { holdReason: 'AWAITING_VENDOR' },
  resumeIncident: {},
  reprioritizeIncident: { impact: 3, urgency: 3, reason: 'Workaround in place' },
  updateIncidentDetails: { title: 'Renamed' },
  addIncidentWorkNote: { text: 'Checked the logs' },
  addIncidentComment: { text: 'We are on it' },
  resolveIncident: { resolutionCode: 'SOLVED_PERMANENTLY', resolutionNotes: 'Restarted' },
  closeIncident: {},
  reopenIncident: { reason: 'Came back' },
  cancelIncident: { reason: 'Duplicate report' },
  declareMajorIncident: { reason: 'Whole site down' },
  linkIncidentToProblem: { problemId: '11111111-2222-4333-8444-555555555555' },
  linkIncidentToChange: { changeId: '66666666-7777-4888-8999-000000000000' },
};

function mutationDocument(name: string): string {
  const inputType = `${name[0]!.toUpperCase()}${name.slice(1)}Input`;
  return `mutation Change($input: ${inputType}!) { ${name}(input: $input) { version position incident { ${INCIDENT_FIELDS} } } }`;
}

/** One incident mutation through HTTP, as a client sends it. */
export function mutate(
  app: TestApp,
  token: string,
  name: string,
  input: Record<string, unknown>,
): Promise<GraphQLResponse<Record<string, IncidentPayloadView>>> {
  return graphql<Record<string, IncidentPayloadView>>(app.url, mutationDocument(name), { input }, token);
}

/** Like mutate, but the call must succeed; returns its payload. */
export async function change(
  app: TestApp,
  token: string,
  name: string,
  input: Record<string, unknown>,
): Promise<IncidentPayloadView> {
  const response = await mutate(app, token, name, input);
  expect(response.errors).toBeUndefined();
  return response.data![name]!;
}

export async function openIncident(app: TestApp, token: string, input: Record<string, unknown> = {}): Promise<IncidentPayloadView> {
  return change(app, token, 'openIncident', { title: 'Printer on fire', impact: 2, urgency: 2, ...input });
}

export function errorCode(response: GraphQLResponse<unknown>): unknown {
  return response.errors?.[0]?.extensions?.code;
}

/** Events in the store, of one stream or all of them: refusals must leave this unchanged. */
export async function countEvents(app: TestApp, incidentId?: string): Promise<number> {
  const { rows } = incidentId
    ? await app.database.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM es_events WHERE stream_id LIKE $1', [
        `incident-%-${incidentId}`,
      ])
    : await app.database.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM es_events');
  return rows[0]!.n;
}
