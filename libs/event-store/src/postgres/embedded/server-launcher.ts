import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { EmbeddedPostgresError } from './embedded-postgres-error.js';

const run = promisify(execFile);

/** How to run a PostgreSQL program (initdb, postgres) as a user it accepts. */
export interface ServerLauncher {
  readonly description: string;
  command(program: string, args: readonly string[]): { readonly file: string; readonly args: string[] };
}

const direct: ServerLauncher = {
  description: 'as the current user',
  command: (program, args) => ({ file: program, args: [...args] }),
};

/**
 * PostgreSQL refuses to run as root. Rather than a separate system user, which cannot reach a
 * project under a private home folder such as /root, root runs it in a user namespace where it
 * is an ordinary user: on disk its files stay root's, so every path root can reach works.
 */
export async function serverLauncher(): Promise<ServerLauncher> {
  if (process.getuid?.() !== 0) return direct;
  const account = await unprivilegedAccount();
  const prefix = ['--user', `--map-user=${account.uid}`, `--map-group=${account.gid}`];
  try {
    await run('unshare', [...prefix, 'true'], { timeout: 5_000 });
  } catch (error) {
    throw new EmbeddedPostgresError(
      'The embedded PostgreSQL cannot start as root: PostgreSQL refuses to run as root, and this machine ' +
        `does not let the product run it as an ordinary user in a user namespace (unshare: ${reason(error)}). ` +
        'Start the product as a normal user, allow user namespaces (in a container, for example, with ' +
        '`--security-opt seccomp=unconfined`), or point EVENT_STORE_URL and DATABASE_URL at a PostgreSQL server.',
      { cause: error },
    );
  }
  return {
    description: `in a user namespace as ${account.name}`,
    command: (program, args) => ({ file: 'unshare', args: [...prefix, program, ...args] }),
  };
}

interface Account {
  readonly name: string;
  readonly uid: number;
  readonly gid: number;
}

/** initdb looks its user up by id, so the id used inside the namespace must have an entry. */
async function unprivilegedAccount(): Promise<Account> {
  const entries = (await readFile('/etc/passwd', 'utf8').catch(() => ''))
    .split('\n')
    .map((line) => line.split(':'))
    .filter((fields) => fields.length >= 4)
    .map(([name, , uid, gid]) => ({ name: name!, uid: Number(uid), gid: Number(gid) }));
  const account = ['postgres', 'nobody'].map((name) => entries.find((entry) => entry.name === name)).find(Boolean);
  if (!account || account.uid === 0) {
    throw new EmbeddedPostgresError(
      'The embedded PostgreSQL cannot start as root: PostgreSQL refuses to run as root, and this machine has ' +
        'neither a `postgres` nor a `nobody` account to run it as. Start the product as a normal user, or point ' +
        'EVENT_STORE_URL and DATABASE_URL at a PostgreSQL server.',
    );
  }
  return account;
}

function reason(error: unknown): string {
  const stderr = (error as { stderr?: unknown }).stderr;
  const text = typeof stderr === 'string' && stderr.trim() ? stderr.trim() : error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]!;
}
