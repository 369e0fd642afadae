import { parseArgs } from 'node:util';
import { ConfigurationError, loadConfig, type AppConfig } from '#config';
import { developmentSecret } from '../auth/development-secret.js';
import { ROLES, type Role } from '../auth/principal.js';
import { issueToken } from '../auth/token-issuer.js';

const USAGE = `Usage: npm run token -- --tenant <tenant> [--roles agent,auditor] [--subject <user>] [--expires 8h]
Signs a token with JWT_SECRET, or outside production with the secret the server keeps in DATA_DIR.
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
  const config = loadConfig();
  const token = await issueToken(await signingSecret(config), {
    subject: values.subject,
    tenant: values.tenant,
    roles: roles as Role[],
    expiresIn: values.expires,
    issuer: config.auth.issuer,
    audience: config.auth.audience,
  });
  process.stdout.write(`${token}\n`);
}

/**
 * The configuration already refuses production without an explicit JWT_SECRET (or with the
 * development one); with JWKS_URL tokens come from the identity provider, never from here.
 */
async function signingSecret(config: AppConfig): Promise<string> {
  if (config.auth.kind === 'secret') return config.auth.secret;
  if (config.auth.kind === 'development') return developmentSecret(config.dataDir);
  throw new Error('JWKS_URL is set: tokens come from your identity provider, not from this command');
}

main().catch((error: unknown) => {
  if (error instanceof ConfigurationError) {
    process.stderr.write(`${error.message}\nNo token was issued.\n`);
    process.exit(2);
  }
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
