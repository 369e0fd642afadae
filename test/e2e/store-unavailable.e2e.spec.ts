import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { graphql } from './support/graphql-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const OPEN = `mutation Open($input: OpenIncidentInput!) { openIncident(input: $input) { version } }`;
const INPUT = { input: { title: 'Disk full', impact: 2, urgency: 2 } };

describe('when the database goes away', () => {
  let app: TestApp;
  let agent: string;
  let admin: pg.Client;
  let databaseName: string;

  beforeAll(async () => {
    app = await startTestApp();
    agent = await app.token('acme', ['agent']);
    databaseName = new URL(app.database.url).pathname.slice(1);
    admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.query(`ALTER DATABASE ${databaseName} ALLOW_CONNECTIONS true`).catch(() => undefined);
    await admin?.end();
    await app?.close();
  });

  it('answers SERVICE_UNAVAILABLE without a stack trace, and works again once it is back', async () => {
    expect((await graphql(app.url, OPEN, INPUT, agent)).errors).toBeUndefined();

    await admin.query(`ALTER DATABASE ${databaseName} ALLOW_CONNECTIONS false`);
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [databaseName]);
    const down = await graphql(app.url, OPEN, INPUT, agent);
    expect(down.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(JSON.stringify(down)).not.toMatch(/\n\s+at /);
    const health = await fetch(`${app.url}/health`);
    expect(health.status).toBe(503);

    await admin.query(`ALTER DATABASE ${databaseName} ALLOW_CONNECTIONS true`);
    const deadline = Date.now() + 15_000;
    let again = await graphql<{ openIncident: { version: string } }>(app.url, OPEN, INPUT, agent);
    while (again.errors && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      again = await graphql(app.url, OPEN, INPUT, agent);
    }
    expect(again.errors).toBeUndefined();
    expect(again.data?.openIncident.version).toBe('0');
  });
});
