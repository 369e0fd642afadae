import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from 'graphql-ws';
import { rolesFor } from '../../apps/api/src/auth/operation-roles.js';
import { ROLES, type Role } from '../../apps/api/src/auth/principal.js';
import { graphql, wsClient, type GraphQLResponse } from './support/graphql-client.js';
import { fillingsOf, operationsOf, servedSchema, type Operation } from './support/operation-walk.js';
import { SubscriptionRecorder } from './support/subscription-recorder.js';
import { seedTenantRecords, type TenantRecords } from './support/tenant-records.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** What the calls of one operation by one role came to: refused as FORBIDDEN, or let through. */
type Verdict = 'allowed' | 'FORBIDDEN';

const isForbidden = (error: { extensions?: Record<string, unknown> }) => error.extensions?.code === 'FORBIDDEN';

/**
 * A subscription is let through when it was pushed something or refused for another reason
 * (NOT_FOUND for an id of another kind comes after authorisation); until one call shows that
 * or all are FORBIDDEN, the verdict is pending.
 */
function subscriptionVerdict(calls: readonly { recorder: SubscriptionRecorder }[]): Verdict | 'pending' {
  const through = ({ recorder }: { recorder: SubscriptionRecorder }) => recorder.data.length > 0 || recorder.errors.some((error) => !isForbidden(error));
  if (calls.some(through)) return 'allowed';
  return calls.every(({ recorder }) => recorder.errors.some(isForbidden)) ? 'FORBIDDEN' : 'pending';
}

/**
 * Every operation of the live schema by every role of the records' own tenant, against the
 * declared matrix (OPERATION_ROLES): a role it names gets past authorisation for some call (any
 * answer but FORBIDDEN: data, NOT_FOUND for an id of another kind, a refused transition...),
 * any other role is FORBIDDEN on every call.
 */
describe('The role matrix, operation by operation', () => {
  let app: TestApp;
  let records: TenantRecords;
  let operations: Operation[];

  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_PRINCIPAL_PER_SECOND: '100000', RATE_LIMIT_TENANT_PER_SECOND: '100000' });
    records = await seedTenantRecords(app, 'acme');
    operations = operationsOf(await servedSchema(app, await app.token('acme', ['admin'])));
  }, 60_000);
  afterAll(async () => app?.close());

  const fillings = (operation: Operation, of = records) => fillingsOf(operation, of.ids);
  const declared = (operation: Operation) =>
    Object.fromEntries(ROLES.map((role) => [role, rolesFor(operation.type, operation.name)?.includes(role) ? 'allowed' : 'FORBIDDEN']));
  const verdict = (answers: readonly GraphQLResponse[]): Verdict =>
    answers.some((answer) => !answer.errors?.some(isForbidden)) ? 'allowed' : 'FORBIDDEN';

  it('lets queries and mutations through for the roles it names, and refuses the others', async () => {
    const found: Record<string, Record<string, Verdict>> = {};
    for (const role of ROLES) {
      const token = await app.token('acme', [role]);
      for (const operation of operations.filter(({ type }) => type !== 'Subscription')) {
        const calls = fillings(operation).flatMap((id) => operation.documents.map((document) => graphql(app.url, document, operation.variables(id), token)));
        (found[operation.name] ??= {})[role] = verdict(await Promise.all(calls));
      }
    }
    const expected = Object.fromEntries(operations.filter(({ type }) => type !== 'Subscription').map((operation) => [operation.name, declared(operation)]));
    expect(found).toEqual(expected);
  }, 120_000);

  it('lets subscriptions through for the roles it names, and refuses the others', async () => {
    const subscriptions = operations.filter(({ type }) => type === 'Subscription');
    // Records of their own: the mutations above may have closed the first ones for good.
    const live = await seedTenantRecords(app, 'acme');
    const clients: Client[] = [];
    const recorded: { role: Role; operation: Operation; recorder: SubscriptionRecorder }[] = [];
    try {
      for (const role of ROLES) {
        const client = wsClient(app.url, await app.token('acme', [role]));
        clients.push(client);
        for (const operation of subscriptions) {
          for (const id of fillings(operation, live)) {
            for (const document of operation.documents) {
              recorded.push({ role, operation, recorder: new SubscriptionRecorder(client, document, operation.variables(id)) });
            }
          }
        }
      }
      await live.touch();
      const found = () =>
        Object.fromEntries(
          subscriptions.map((operation) => [
            operation.name,
            Object.fromEntries(ROLES.map((role) => [role, subscriptionVerdict(recorded.filter((call) => call.role === role && call.operation === operation))])),
          ]),
        );
      const expected = Object.fromEntries(subscriptions.map((operation) => [operation.name, declared(operation)]));
      // Pushes come once the projector commits the changes: wait until every call is decided.
      const deadline = Date.now() + 10_000;
      while (JSON.stringify(found()).includes('pending') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(found()).toEqual(expected);
    } finally {
      recorded.forEach(({ recorder }) => recorder.stop());
      await Promise.all(clients.map((client) => client.dispose()));
    }
  }, 60_000);
});
