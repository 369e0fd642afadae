import { existsSync } from 'node:fs';
import { describe, it } from '@jest/globals';
import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium package; Playwright's own browser downloads cannot be had offline. */
export const CHROMIUM = '/usr/bin/chromium';

/** Headless, and nothing that would make Chromium itself call out to the internet. */
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/**
 * A suite that needs Chromium. Without it, CI (which installs it) fails; elsewhere the suite is
 * skipped with one line saying why.
 */
export function describeInChromium(name: string, suite: () => void): void {
  if (existsSync(CHROMIUM)) {
    describe(name, suite);
  } else if (process.env.CI) {
    describe(name, () => {
      it('needs Chromium', () => {
        throw new Error(`${CHROMIUM} is missing: .ci/run installs Debian's chromium package`);
      });
    });
  } else {
    // Not console.log: Jest's reporter drops the console output of a suite whose tests all skip.
    process.stdout.write(`Browser suite skipped (${name}): no ${CHROMIUM}; apt-get install chromium to run it\n`);
    describe.skip(name, suite);
  }
}

/**
 * Whether a request stayed on this machine's 127.0.0.1. Blob URLs (GraphiQL's editor workers)
 * carry the origin of the page that made them.
 */
export function isLocalRequest(url: string): boolean {
  const parsed = new URL(url);
  if (parsed.protocol === 'data:') return true;
  const origin = parsed.protocol === 'blob:' ? new URL(parsed.pathname) : parsed;
  return origin.hostname === '127.0.0.1';
}
