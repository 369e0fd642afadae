import { expect } from '@jest/globals';
import { graphql, type GraphQLResponse } from './graphql-client.js';
import type { TestApp } from './test-app.js';

/** The change fields the change suites look at. */
export const CHANGE_FIELDS = `id number type state title serviceIds risk impact version requestedBy
  template { templateId version } plannedStart plannedEnd actualStart actualEnd closeCode closeNotes reviewNotes
  conflicts { kind changeId number serviceIds windowId name start end }
  rejection { reason round approverId } cancellation { reason }
  approvalRounds { round approvals { kind subject } decisions { approverId decision asChangeManager comment } pending { kind subject } outcome }
  incidentIds problemIds timeline { event actor state }`;

export interface ChangeView {
  readonly id: string;
  readonly state: string;
  readonly version: string;
  readonly [field: string]: unknown;
}

export interface ChangePayloadView {
  readonly version: string;
  readonly position: string;
  readonly change: ChangeView;
}

function documentOf(name: string, selection: string): string {
  const inputType = `${name[0]!.toUpperCase()}${name.slice(1)}Input`;
  return `mutation Run($input: ${inputType}!) { ${name}(input: $input) { ${selection} } }`;
}

/** One change mutation through HTTP, as a client sends it. */
export function mutateChange(app: TestApp, token: string, name: string, input: Record<string, unknown>): Promise<GraphQLResponse<Record<string, ChangePayloadView>>> {
  return graphql(app.url, documentOf(name, `version position change { ${CHANGE_FIELDS} }`), { input }, token);
}

/** Like mutateChange, but the call must succeed; returns its payload. */
export async function changeChange(app: TestApp, token: string, name: string, input: Record<string, unknown>): Promise<ChangePayloadView> {
  const response = await mutateChange(app, token, name, input);
  expect(response.errors).toBeUndefined();
  return response.data![name]!;
}

export function requestChange(app: TestApp, token: string, input: Record<string, unknown> = {}): Promise<ChangePayloadView> {
  return changeChange(app, token, 'requestChange', { type: 'NORMAL', title: 'Upgrade the mail database', serviceIds: ['mail'], ...input });
}

/** A mutation of the tenant's change settings; must succeed. */
export async function changeSettings(app: TestApp, token: string, name: string, input: Record<string, unknown>) {
  const selection = 'version changeSettings { cabMembers emergencyApprovers blackoutWindows { windowId name start end } }';
  const response = await graphql<Record<string, { changeSettings: { blackoutWindows: { windowId: string }[] } }>>(app.url, documentOf(name, selection), { input }, token);
  expect(response.errors).toBeUndefined();
  return response.data![name]!;
}

export const TEMPLATE_FIELDS = 'id number templateVersion name serviceIds risk implementationPlan retired { reason } version';

export async function templateMutation(app: TestApp, token: string, name: string, input: Record<string, unknown>) {
  return graphql<Record<string, { version: string; position: string; changeTemplate: { id: string; number: string; templateVersion: number } }>>(
    app.url,
    documentOf(name, `version position changeTemplate { ${TEMPLATE_FIELDS} }`),
    { input },
    token,
  );
}

export const CHANGE_QUERY = `query Change($id: ID!, $after: String) { change(id: $id, consistentWith: $after) { ${CHANGE_FIELDS} } }`;

export const SCHEDULE_QUERY = `query Schedule($from: DateTime!, $to: DateTime!, $serviceId: String, $after: String) {
  changeSchedule(from: $from, to: $to, serviceId: $serviceId, consistentWith: $after) {
    change { id number state plannedStart plannedEnd } conflicts { kind number name }
  }
}`;
