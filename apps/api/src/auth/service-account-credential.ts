import { canonicalRecordId } from '#events';

/**
 * A service account's credential: `itsmsa.<tenant>.<account id>.<secret>`, sent as a bearer
 * token. It names the tenant and account, so the server finds the account without a lookup
 * table, and its prefix lets secret scanners recognise a leaked one. JWTs never start with it.
 */
const PREFIX = 'itsmsa.';
const UUID_LENGTH = 36;

export interface ServiceAccountCredential {
  readonly tenant: string;
  readonly accountId: string;
  readonly secret: string;
}

export function formatServiceAccountCredential({ tenant, accountId, secret }: ServiceAccountCredential): string {
  return `${PREFIX}${tenant}.${accountId}.${secret}`;
}

export function isServiceAccountCredential(token: string): boolean {
  return token.startsWith(PREFIX);
}

/** Undefined when the token is not a well-formed credential. Tenants may hold dots, secrets never do. */
export function parseServiceAccountCredential(token: string): ServiceAccountCredential | undefined {
  if (!isServiceAccountCredential(token)) return undefined;
  const rest = token.slice(PREFIX.length);
  const secretStart = rest.lastIndexOf('.') + 1;
  const idStart = secretStart - 1 - UUID_LENGTH;
  if (idStart < 2 || rest[idStart - 1] !== '.') return undefined;
  const accountId = canonicalRecordId(rest.slice(idStart, secretStart - 1));
  const secret = rest.slice(secretStart);
  const tenant = rest.slice(0, idStart - 1);
  return accountId && secret ? { tenant, accountId, secret } : undefined;
}
