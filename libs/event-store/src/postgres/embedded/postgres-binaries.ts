import { constants } from 'node:fs';
import { access, chmod } from 'node:fs/promises';
import { EmbeddedPostgresError } from './embedded-postgres-error.js';

export interface PostgresBinaries {
  readonly initdb: string;
  readonly postgres: string;
}

/**
 * The PostgreSQL binaries that `embedded-postgres` installs as an optional dependency for this
 * platform. Only its binaries are used: the server process is managed by this library.
 */
export async function postgresBinaries(): Promise<PostgresBinaries> {
  const packageName = `@embedded-postgres/${process.platform}-${process.arch}`;
  let binaries: PostgresBinaries;
  try {
    binaries = (await import(packageName)) as PostgresBinaries;
  } catch (error) {
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL has no binaries for this platform (${packageName} is not installed). ` +
        'Run `npm install` again on this machine, or point EVENT_STORE_URL (or DATABASE_URL) at a PostgreSQL server.',
      { cause: error },
    );
  }
  await Promise.all([binaries.initdb, binaries.postgres].map(ensureExecutable));
  return binaries;
}

/** Some package managers unpack files without their execute bit. */
async function ensureExecutable(file: string): Promise<void> {
  try {
    await access(file, constants.X_OK);
  } catch {
    await chmod(file, 0o755).catch(() => undefined);
  }
}
