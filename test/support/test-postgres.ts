import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgresServer } from '#event-store';

let embedded: EmbeddedPostgresServer | undefined;

/**
 * Uses the server in TEST_DATABASE_URL when given (CI sets it), else starts an embedded one
 * for this run and points TEST_DATABASE_URL at it, so test workers find it the same way.
 */
export async function startTestPostgres(): Promise<void> {
  const given = process.env.TEST_DATABASE_URL;
  if (given) {
    await assertReachable(given);
    return;
  }
  embedded = await startEmbeddedPostgres({
    dataDir: await mkdtemp(join(tmpdir(), 'itsm-test-pg-')),
    persistent: false,
  });
  process.env.TEST_DATABASE_URL = embedded.url;
  process.env.TEST_DATABASE_EMBEDDED = 'true';
}

export async function stopTestPostgres(): Promise<void> {
  await embedded?.stop();
  embedded = undefined;
}

async function assertReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new Error(`TEST_DATABASE_URL (${url}) is not reachable: ${String(error)}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}
