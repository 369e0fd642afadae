import { chmod, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { EmbeddedPostgresError } from './embedded-postgres-error.js';
import { startEmbeddedPostgres } from './embedded-postgres-server.js';

const asRoot = process.getuid?.() === 0;

describe(startEmbeddedPostgres.name, () => {
  let parent: string;
  let dataDir: string;

  beforeAll(async () => {
    // A private folder with a space in its name, like a project cloned into /root (mode 0700).
    parent = await mkdtemp(join(tmpdir(), 'itsm embedded '));
    await chmod(parent, 0o700);
    dataDir = join(parent, 'data dir');
  });
  afterAll(() => rm(parent, { recursive: true, force: true }));

  it(`starts from a private folder${asRoot ? ' as root' : ''} and keeps its data across restarts`, async () => {
    const tempBefore = await passwordFilesInTemp();
    const first = await startEmbeddedPostgres({ dataDir });
    await query(first.url, 'CREATE TABLE kept (note text); INSERT INTO kept VALUES ($$still here$$)');
    await first.stop();

    const second = await startEmbeddedPostgres({ dataDir });
    try {
      const { rows } = await query(second.url, 'SELECT note FROM kept');
      expect(rows).toEqual([{ note: 'still here' }]);
    } finally {
      await second.stop();
    }
    expect(await passwordFilesInTemp()).toEqual(tempBefore);
  });

  it('keeps every secret and the cluster readable by their owner only', async () => {
    const password = await stat(join(dataDir, 'postgres-password'));
    const cluster = await stat(join(dataDir, 'postgres'));
    expect(password.mode & 0o077).toBe(0);
    expect(cluster.mode & 0o077).toBe(0);
    // As root the server runs in a user namespace, so its files stay root's on disk.
    expect(cluster.uid).toBe(process.getuid?.());
  });

  it('explains in words, without a stack, when its folder cannot be made', async () => {
    const blocker = join(parent, 'a file');
    await writeFile(blocker, '');
    const error = await startEmbeddedPostgres({ dataDir: join(blocker, 'data') }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EmbeddedPostgresError);
    expect((error as Error).message).toMatch(/cannot keep its data in .*a file\/data.*Set DATA_DIR/s);
  });
});

async function query(url: string, sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

async function passwordFilesInTemp(): Promise<string[]> {
  return (await readdir(tmpdir())).filter((name) => name.startsWith('pg-password-')).sort();
}
