import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from '@jest/globals';

const CLI = 'dist/apps/api/src/cli/issue-token.js';
const run = promisify(execFile);

/** The token command as `npm run token` runs it (built by `npm test` before jest starts). */
async function issueToken(environment: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'itsm-token-cli-'));
  const env = { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, ...environment };
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, '--tenant', 'acme'], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run token', () => {
  it('mints with the development secret outside production', async () => {
    const answer = await issueToken({});
    expect(answer.code).toBe(0);
    expect(answer.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
  });

  it('refuses to mint in production without an explicit secret', async () => {
    const answer = await issueToken({ NODE_ENV: 'production' });
    expect(answer.code).toBe(2);
    expect(answer.stdout).toBe('');
    expect(answer.stderr).toContain('JWT_SECRET');
  });

  it('mints in production with JWT_SECRET, and never prints the secret', async () => {
    const secret = 'an-explicit-production-secret-of-32-chars';
    const answer = await issueToken({ NODE_ENV: 'production', JWT_SECRET: secret });
    expect(answer.code).toBe(0);
    expect(answer.stdout + answer.stderr).not.toContain(secret);
  });
});
