import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../e2e/support/test-app.js';
import { describeInChromium, launchChromium } from './support/chromium.js';

/** What the page's script got: the answer, or the error a browser gives when CORS refuses. */
type FetchOutcome = { readonly status: number; readonly body: unknown } | { readonly error: string };

/** A front end's own server: one empty page, on another port than the API. */
async function startFrontEndServer(): Promise<{ server: Server; port: number }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Front end</title>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

/** A JSON POST with a token, as a front end sends it: the browser preflights it first. */
function fetchFromPage(page: Page, apiUrl: string, token: string): Promise<FetchOutcome> {
  return page.evaluate(
    async ({ url, authorization }) => {
      try {
        const response = await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { authorization, 'content-type': 'application/json', 'x-correlation-id': 'front-end-1' },
          body: JSON.stringify({ query: '{ tenantSettings { isDefault } }' }),
        });
        return { status: response.status, body: await response.json() };
      } catch (error) {
        return { error: String(error) };
      }
    },
    { url: apiUrl, authorization: `Bearer ${token}` },
  );
}

describeInChromium('CORS as Chromium enforces it, for a page served from another port', () => {
  let development: TestApp;
  let production: TestApp;
  let frontEnd: { server: Server; port: number };
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    [development, production, frontEnd, browser] = await Promise.all([
      startTestApp(),
      startTestApp({ NODE_ENV: 'production', CORS_ORIGINS: 'https://desk.example.com' }),
      startFrontEndServer(),
      launchChromium(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => frontEnd?.server.close(resolve));
    await Promise.all([development?.close(), production?.close()]);
  });

  beforeEach(async () => {
    context = await browser.newContext();
    page = await context.newPage();
    await page.goto(`http://localhost:${frontEnd.port}/`);
  });
  afterEach(async () => context?.close());

  it('lets a page on a local port call the API outside production', async () => {
    const token = await development.token('cors', ['agent']);
    expect(await fetchFromPage(page, development.url, token)).toEqual({
      status: 200,
      body: { data: { tenantSettings: { isDefault: true } } },
    });
  });

  it('keeps a page whose origin is not in CORS_ORIGINS from reading the answer', async () => {
    const token = await production.token('cors', ['agent']);
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    const outcome = await fetchFromPage(page, production.url, token);
    expect(outcome).toEqual({ error: expect.stringContaining('Failed to fetch') });
    expect(consoleErrors).toContainEqual(expect.stringContaining('blocked by CORS policy'));
  });
});
