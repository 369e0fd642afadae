import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, lchown, mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { EmbeddedPostgresError } from './embedded-postgres-error.js';
import { postgresBinaries } from './postgres-binaries.js';
import { PostgresProcess, runProgram } from './postgres-process.js';
import { serverLauncher, type ServerLauncher } from './server-launcher.js';

export interface EmbeddedPostgresOptions {
  /** Folder that holds the cluster; it survives restarts unless `persistent` is false. */
  readonly dataDir: string;
  readonly database?: string;
  readonly port?: number;
  /** False: the whole data folder is deleted when the server stops (for scratch servers). */
  readonly persistent?: boolean;
  /** Server settings passed as `-c name=value`. */
  readonly settings?: Readonly<Record<string, string>>;
  readonly onLog?: (line: string) => void;
}

export interface EmbeddedPostgresServer {
  readonly url: string;
  stop(): Promise<void>;
}

const USER = 'postgres';

/**
 * Starts a real PostgreSQL from the binaries that the `embedded-postgres` package ships, so the
 * product runs with nothing installed but Node.js. The superuser password is made once per
 * cluster and kept beside it, readable by its owner only; nothing is written anywhere else.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresServer> {
  const root = resolve(options.dataDir);
  const clusterDir = join(root, 'postgres');
  const onLog = options.onLog ?? (() => undefined);
  await createFolder(root);
  const [binaries, launcher] = await Promise.all([postgresBinaries(), serverLauncher()]);
  const passwordFile = await ensurePasswordFile(root);
  if (existsSync(join(clusterDir, 'PG_VERSION'))) await ownClusterAsRoot(clusterDir);
  else await initialiseCluster(launcher, binaries.initdb, clusterDir, passwordFile, onLog);

  const port = options.port ?? (await freePort());
  const { server, recent } = await PostgresProcess.start(
    launcher,
    binaries.postgres,
    ['-D', clusterDir, '-p', String(port), ...serverSettings(options.settings)],
    onLog,
  );
  if (!server) {
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL in ${clusterDir} did not start. ${startHint(recent)}` +
        (recent.length ? ` Its last words:\n  ${recent.join('\n  ')}` : ''),
    );
  }
  const password = (await readFile(passwordFile, 'utf8')).trim();
  const database = options.database ?? 'itsm';
  const serverUrl = (name: string) => `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${name}`;
  try {
    await ensureDatabase(serverUrl('postgres'), database);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return {
    url: serverUrl(database),
    async stop() {
      await server.stop();
      if (options.persistent === false) await rm(root, { recursive: true, force: true });
    },
  };
}

/** Loopback only, and no Unix socket: the server is this process's alone. */
function serverSettings(extra: Readonly<Record<string, string>> = {}): string[] {
  const settings = { listen_addresses: '127.0.0.1', unix_socket_directories: '', ...extra };
  return Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`]);
}

async function createFolder(root: string): Promise<void> {
  try {
    await mkdir(root, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL cannot keep its data in ${root}: ${(error as Error).message}. ` +
        'Set DATA_DIR to a folder this user may create and write.',
      { cause: error },
    );
  }
}

async function ensurePasswordFile(root: string): Promise<string> {
  const file = join(root, 'postgres-password');
  if (!existsSync(file)) await writeFile(file, `${randomBytes(18).toString('base64url')}\n`, { mode: 0o600 });
  // Whatever made it, the superuser's password is for its owner's eyes only.
  await chmod(file, 0o600);
  return file;
}

/**
 * initdb works in a folder of its own that becomes the cluster only when it succeeded, so a
 * failed first start leaves nothing half-made behind.
 */
async function initialiseCluster(
  launcher: ServerLauncher,
  initdb: string,
  clusterDir: string,
  passwordFile: string,
  onLog: (line: string) => void,
): Promise<void> {
  const staging = `${clusterDir}.initialising`;
  await rm(staging, { recursive: true, force: true });
  const args = [`--pgdata=${staging}`, `--username=${USER}`, `--pwfile=${passwordFile}`, '--auth=scram-sha-256', '--encoding=UTF8', '--locale=C'];
  const outcome = await runProgram(launcher, initdb, args, onLog);
  if (!outcome.ok) {
    await rm(staging, { recursive: true, force: true });
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL could not create its cluster in ${clusterDir} (running ${launcher.description}). ` +
        `Check that this folder is on a local disk with free space. initdb said:\n  ${outcome.recent.join('\n  ')}`,
    );
  }
  await rename(staging, clusterDir);
}

/**
 * Earlier versions ran the server as root under a `postgres` system user; in a user namespace
 * the cluster must belong to root, so such a cluster is taken over once.
 */
async function ownClusterAsRoot(clusterDir: string): Promise<void> {
  if (process.getuid?.() !== 0 || (await stat(clusterDir)).uid === 0) return;
  const entries = await readdir(clusterDir, { recursive: true });
  await Promise.all([clusterDir, ...entries.map((entry) => join(clusterDir, entry))].map((path) => lchown(path, 0, 0)));
}

function startHint(recent: readonly string[]): string {
  const said = recent.join('\n');
  if (/postmaster\.pid|lock file/i.test(said)) {
    return 'Another instance seems to use this DATA_DIR: stop it, or give this one its own DATA_DIR.';
  }
  if (/could not bind|address already in use/i.test(said)) return 'Its port is taken: try again.';
  return 'Check that DATA_DIR is on a local disk with free space.';
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  client.on('error', () => undefined);
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
