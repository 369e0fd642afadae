import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { HEAVIEST_ALLOWED_QUERY, HEAVIEST_ALLOWED_VARIABLES } from '../../bench/heaviest-query.js';
import { graphql } from './support/graphql-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const OPEN = 'mutation Open($input: OpenIncidentInput!) { openIncident(input: $input) { incidentId version position } }';
const HOSTILE_CLIENTS = 6;
const SEEDED = 60;
const COMMANDS = 20;

/** How many incidents of a tenant the projector has written, read beside the API. */
async function projected(app: TestApp, tenant: string): Promise<number> {
  const { rows } = await app.database.pool.query<{ count: string }>('SELECT count(*) FROM incidents WHERE tenant = $1', [tenant]);
  return Number(rows[0]?.count);
}

async function waitUntil(condition: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return condition();
}

describe('One tenant sending the heaviest allowed queries', () => {
  let app: TestApp;

  beforeAll(async () => {
    // Few query connections, so tenant A keeps them all busy.
    app = await startTestApp({ DATABASE_POOL_QUERIES: '2' });
  });
  afterAll(async () => app?.close());

  it("leaves another tenant's commands succeeding and the projector keeping up", async () => {
    const hostile = await app.token('tenant-a', ['agent']);
    const victim = await app.token('tenant-b', ['agent']);
    for (let batch = 0; batch < SEEDED / 10; batch += 1) {
      await Promise.all(
        Array.from({ length: 10 }, (_, index) =>
          graphql(app.url, OPEN, { input: { title: `Seed ${batch}-${index}`, description: 'x'.repeat(2_000), impact: 2, urgency: 2 } }, hostile),
        ),
      );
    }
    expect(await waitUntil(async () => (await projected(app, 'tenant-a')) === SEEDED, 10_000)).toBe(true);

    let attacking = true;
    const hostileCodes: string[] = [];
    const attack = Array.from({ length: HOSTILE_CLIENTS }, async () => {
      while (attacking) {
        const answer = await graphql(app.url, HEAVIEST_ALLOWED_QUERY, HEAVIEST_ALLOWED_VARIABLES, hostile);
        hostileCodes.push(String(answer.errors?.[0]?.extensions?.code ?? 'OK'));
      }
    });

    const failures: unknown[] = [];
    try {
      for (let index = 0; index < COMMANDS; index += 1) {
        const answer = await graphql(app.url, OPEN, { input: { title: `Victim ${index}`, impact: 3, urgency: 3 } }, victim);
        if (answer.errors || !answer.data) failures.push(answer.errors);
      }
      const keptUp = await waitUntil(async () => (await projected(app, 'tenant-b')) === COMMANDS, 5_000);
      expect(failures).toEqual([]);
      expect(keptUp).toBe(true);
    } finally {
      attacking = false;
      await Promise.all(attack);
    }
    // The load was real: the hostile tenant's heavy pages were served meanwhile.
    expect(hostileCodes.filter((code) => code === 'OK').length).toBeGreaterThan(0);
  });
});
