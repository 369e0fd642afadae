import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { developmentSecret } from '../auth/development-secret.js';
import { ROLES, type Role } from '../auth/principal.js';
import { issueToken } from '../auth/token-issuer.js';

const USAGE = `Usage: npm run token -- --tenant <tenant> [--roles agent,auditor] [--subject <user>] [--expires 8h]
Signs a development token with JWT_SECRET, or with the secret the server keeps in DATA_DIR.
Roles: ${ROLES.join(', ')}`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      tenant: { type: 'string' },
      roles: { type: 'string', default: 'agent' },
      subject: { type: 'string', default: 'dev-user' },
      expires: { type: 'string', default: '8h' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || !values.tenant) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(values.help ? 0 : 2);
  }
  const roles = values.roles.split(',').map((role) => role.trim());
  const unknown = roles.filter((role) => !ROLES.includes(role as Role));
  if (unknown.length > 0) {
    process.stderr.write(`Unknown role(s): ${unknown.join(', ')}\n${USAGE}\n`);
    process.exit(2);
  }
  const secret = process.env.JWT_SECRET || (await developmentSecret(resolve(process.env.DATA_DIR || './data')));
  const token = await issueToken(secret, {
    subject: values.subject,
    tenant: values.tenant,
    roles: roles as Role[],
    expiresIn: values.expires,
    issuer: process.env.JWT_ISSUER || undefined,
    audience: process.env.JWT_AUDIENCE || undefined,
  });
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
