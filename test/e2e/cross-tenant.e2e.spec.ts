import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from 'graphql-ws';
import { ROLES, type Role } from '../../apps/api/src/auth/principal.js';
import { graphql, wsClient } from './support/graphql-client.js';
import { fillingsOf, operationsOf, servedSchema, type Operation } from './support/operation-walk.js';
import { SubscriptionRecorder } from './support/subscription-recorder.js';
import { leaksOf, seedTenantRecords, type TenantRecords } from './support/tenant-records.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** What a caller of another tenant may be answered with when it names one of A's records. */
const REFUSALS = ['NOT_FOUND', 'FORBIDDEN', 'BAD_USER_INPUT'];
/** Enough numbers burnt in tenant A that tenant B's new records (a few per kind) get others. */
const BURNT_NUMBERS = 20;

interface Probe {
  readonly role: Role;
  readonly operation: Operation;
  readonly id: string | undefined;
  readonly answer: { data?: unknown; errors?: readonly { extensions?: Record<string, unknown> }[] };
}

/**
 * Every operation of the live schema, called by a principal of tenant B in each role with tenant
 * A's ids: nothing of A may come back, and every refusal is NOT_FOUND or FORBIDDEN (or
 * BAD_USER_INPUT where the generic arguments do not pass validation; such an answer carries
 * nothing of A either, and every operation must get past validation for some role and id).
 */
describe('A principal of another tenant, in every role, on every operation', () => {
  let app: TestApp;
  let tenantA: TenantRecords;
  let operations: Operation[];

  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_PRINCIPAL_PER_SECOND: '100000', RATE_LIMIT_TENANT_PER_SECOND: '100000' });
    tenantA = await seedTenantRecords(app, 'tenant-a', BURNT_NUMBERS);
    operations = operationsOf(await servedSchema(app, await app.token('tenant-b', ['admin'])));
  }, 120_000);
  afterAll(async () => app?.close());

  const fillings = (operation: Operation) => fillingsOf(operation, tenantA.ids);

  it("would see a leak: the same queries by A's auditor show every number of A's records and their text", async () => {
    const token = await app.token('tenant-a', ['auditor']);
    const answers = await Promise.all(
      operations
        .filter(({ type }) => type === 'Query')
        .flatMap((operation) => fillings(operation).flatMap((id) => operation.documents.map((document) => graphql(app.url, document, operation.variables(id), token)))),
    );
    expect(new Set(answers.flatMap((answer) => leaksOf(tenantA, answer.data)))).toEqual(new Set([...tenantA.numbers, tenantA.secret, ...tenantA.ids]));
  });

  it('queries and mutations answer nothing of tenant A, and refuse with NOT_FOUND or FORBIDDEN', async () => {
    const probes: Probe[] = [];
    for (const role of ROLES) {
      const token = await app.token('tenant-b', [role]);
      for (const operation of operations.filter(({ type }) => type !== 'Subscription')) {
        const answers = fillings(operation).flatMap((id) =>
          operation.documents.map(async (document) => {
            probes.push({ role, operation, id, answer: await graphql(app.url, document, operation.variables(id), token) });
          }),
        );
        await Promise.all(answers);
      }
    }
    expectNoLeaks(probes);
  }, 120_000);

  it('subscriptions push nothing of tenant A, and refuse with NOT_FOUND or FORBIDDEN', async () => {
    const clients: Client[] = [];
    const recorders: { role: Role; operation: Operation; id: string | undefined; recorder: SubscriptionRecorder }[] = [];
    try {
      for (const role of ROLES) {
        const client = wsClient(app.url, await app.token('tenant-b', [role]));
        clients.push(client);
        for (const operation of operations.filter(({ type }) => type === 'Subscription')) {
          for (const id of fillings(operation)) {
            for (const document of operation.documents) {
              recorders.push({ role, operation, id, recorder: new SubscriptionRecorder(client, document, operation.variables(id)) });
            }
          }
        }
      }
      await tenantA.touch();
      // Tenant B's own change, made after A's, reaching B's agent shows A's changes were handed out.
      const witness = recorders.find(({ role, operation, id }) => role === 'agent' && operation.name === 'incidentsChanged' && !id)!.recorder;
      await graphql(app.url, 'mutation { openIncident(input: {title: "B", impact: 3, urgency: 3}) { incidentId } }', {}, await app.token('tenant-b', ['agent']));
      await witness.take(1);
      expectNoLeaks(
        recorders.map(({ role, operation, id, recorder }) => ({
          role,
          operation,
          id,
          answer: { data: recorder.data, errors: recorder.errors },
        })),
      );
    } finally {
      recorders.forEach(({ recorder }) => recorder.stop());
      await Promise.all(clients.map((client) => client.dispose()));
    }
  }, 60_000);

  function expectNoLeaks(probes: readonly Probe[]): void {
    const leaks = probes.flatMap(({ role, operation, id, answer }) => {
      const leaked = leaksOf(tenantA, answer, id);
      return leaked.length ? [`${operation.name} as ${role} with ${id}: ${leaked.join(', ')}`] : [];
    });
    // Without one of A's ids a call acts on B's own records (B's settings, say), where any
    // coded refusal of the product may be right; only an internal error is never.
    const unexpected = probes.flatMap(({ role, operation, id, answer }) =>
      (answer.errors ?? [])
        .map((error) => String(error.extensions?.code))
        .filter((code) => (id === undefined ? code === 'INTERNAL_SERVER_ERROR' : !REFUSALS.includes(code)))
        .map((code) => `${operation.name} as ${role}${id ? ' with an id of A' : ''}: ${code}`),
    );
    const past = new Set(
      probes.filter(({ answer }) => !answer.errors?.some((error) => error.extensions?.code === 'BAD_USER_INPUT')).map(({ operation }) => operation.name),
    );
    expect(leaks).toEqual([]);
    expect([...new Set(unexpected)]).toEqual([]);
    expect(probes.map(({ operation }) => operation.name).filter((name) => !past.has(name))).toEqual([]);
  }
});
