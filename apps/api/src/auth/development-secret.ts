import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { developmentSecretFile } from '#config';

/**
 * Without JWT_SECRET outside production, tokens are signed with a secret made once and kept in
 * DATA_DIR, so the server and `npm run token` agree without any setup.
 */
export async function developmentSecret(dataDir: string): Promise<string> {
  const file = developmentSecretFile(dataDir);
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  await mkdir(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  await writeFile(file, `${secret}\n`, { mode: 0o600, flag: 'wx' }).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  return (await readFile(file, 'utf8')).trim();
}
