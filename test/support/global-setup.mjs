// Jest loads global setup outside its module resolution (no `.js` to `.ts` mapping, no `#`
// aliases), so this file is plain JavaScript; it starts the embedded engine from the build that
// `npm test` makes first, the same code the product runs.
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../dist/libs/event-store/src/postgres/embedded/embedded-postgres-server.js';

const PROBE_TIMEOUT_MS = 5_000;

/**
 * Decides once per run which real servers the suites use and tells the test files through the
 * environment: PostgreSQL (the server in TEST_DATABASE_URL, else an embedded one started here)
 * and whether EventStoreDB can be had (TEST_EVENTSTORE_URL, or a container runtime).
 */
export default async function globalSetup() {
  if (process.env.TEST_DATABASE_URL) {
    await assertReachable(process.env.TEST_DATABASE_URL);
  } else {
    const server = await startEmbeddedPostgres({
      dataDir: await mkdtemp(join(tmpdir(), 'itsm-test-pg-')),
      database: 'postgres',
      persistent: false,
      settings: { max_connections: '300' },
    });
    globalThis.__itsmEmbeddedPostgres = server;
    process.env.TEST_DATABASE_URL = server.url;
    process.env.TEST_DATABASE_EMBEDDED = 'true';
  }
  const runtime = await probeContainerRuntime();
  process.env.CONTAINER_RUNTIME = runtime.available ? 'available' : '';
  process.env.CONTAINER_RUNTIME_MISSING_REASON = runtime.available ? '' : runtime.reason;
}

async function assertReachable(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new Error(`TEST_DATABASE_URL (${url}) is not reachable: ${String(error)}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * testcontainers' own runtime lookup, in a child process: a DOCKER_HOST that accepts but never
 * answers would hang it, and a child can be killed. TEST_EVENTSTORE_URL needs no runtime.
 */
async function probeContainerRuntime() {
  if (process.env.TEST_EVENTSTORE_URL) return { available: true };
  const script = `
    const { getContainerRuntimeClient } = await import('testcontainers');
    try { await getContainerRuntimeClient(); process.stdout.write(JSON.stringify({ available: true })); }
    catch (error) { process.stdout.write(JSON.stringify({ available: false, reason: String(error?.message ?? error) })); }
    process.exit(0);`;
  return new Promise((resolve) => {
    execFile(process.execPath, ['--input-type=module', '--eval', script], { timeout: PROBE_TIMEOUT_MS }, (error, stdout) => {
      if (error) {
        resolve({
          available: false,
          reason: error.killed
            ? `the container runtime did not answer within ${PROBE_TIMEOUT_MS / 1000} s`
            : `probing the container runtime failed: ${error.message}`,
        });
        return;
      }
      try {
        resolve(JSON.parse(stdout));
      } catch {
        resolve({ available: false, reason: `unexpected probe answer: ${stdout.slice(0, 200)}` });
      }
    });
  });
}
