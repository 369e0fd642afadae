import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { graphql } from '../e2e/support/graphql-client.js';
import { openIncident } from '../e2e/support/incident-api.js';
import { startTestApp, type TestApp } from '../e2e/support/test-app.js';
import { describeInChromium, isLocalRequest, launchChromium } from './support/chromium.js';
import { ExplorerPage } from './support/explorer-page.js';

const OPEN = `mutation Open {
  openIncident(input: { title: "Printer on fire", impact: 1, urgency: 1 }) { incident { number title priority state } }
}`;
const WATCH = 'subscription Watch { incidentsChanged { number title state } }';

/** Pushes start once the server listens, which graphql-ws does not acknowledge: try a few times. */
const PUSH_ATTEMPTS = 5;

describeInChromium('GraphiQL explorer in Chromium, served by the API itself', () => {
  let app: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let explorer: ExplorerPage;
  let requested: string[];

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  beforeEach(async () => {
    context = await browser.newContext();
    requested = [];
    context.on('request', (request) => requested.push(request.url()));
    page = await context.newPage();
    page.on('websocket', (socket) => requested.push(socket.url()));
    explorer = new ExplorerPage(page);
  });
  afterEach(async () => context?.close());

  it('runs a mutation with the bearer token typed into its headers, loading nothing from elsewhere', async () => {
    const token = await app.token('explorer-http', ['agent']);
    await explorer.open(app.url, OPEN);
    await explorer.setRequestHeaders({ Authorization: `Bearer ${token}` });
    await explorer.run();

    const shown = await explorer.resultShowing('"state": "NEW"');
    expect(shown).toContain('"title": "Printer on fire"');
    expect(shown).toContain('"priority": "P1"');
    expect(shown).toMatch(/"number": "INC\d+"/);
    const listed = await graphql<{ incidents: { edges: { node: { title: string } }[] } }>(
      app.url,
      '{ incidents { edges { node { title } } } }',
      {},
      token,
    );
    expect(listed.data?.incidents.edges.map((edge) => edge.node.title)).toEqual(['Printer on fire']);
    expect(requested.length).toBeGreaterThan(0);
    expect(requested.filter((url) => !isLocalRequest(url))).toEqual([]);
  });

  it('runs a subscription over graphql-ws on /graphql, the token in its connection parameters', async () => {
    const token = await app.token('explorer-ws', ['agent']);
    const connectionInits: unknown[] = [];
    const subscribed = new Promise<void>((resolve) => {
      page.on('websocket', (socket) =>
        socket.on('framesent', ({ payload }) => {
          const message = JSON.parse(String(payload)) as { type: string; payload?: unknown };
          if (message.type === 'connection_init') connectionInits.push(message.payload);
          if (message.type === 'subscribe') resolve();
        }),
      );
    });
    await explorer.open(app.url, WATCH);
    await explorer.setRequestHeaders({ Authorization: `Bearer ${token}` });
    await explorer.run();
    await subscribed;

    let shown: string | undefined;
    for (let attempt = 1; attempt <= PUSH_ATTEMPTS && !shown; attempt++) {
      await openIncident(app, token, { title: 'Mail down' });
      shown = await explorer.resultShowing('"title": "Mail down"', 2_000 * attempt).catch(() => undefined);
    }
    expect(shown).toContain('"state": "NEW"');
    expect(connectionInits).toEqual([{ authorization: `Bearer ${token}` }]);
    expect(requested.filter((url) => !isLocalRequest(url))).toEqual([]);
  });
});
