import { describe, expect, it } from '@jest/globals';
import { SignJWT, UnsecuredJWT, type JWTPayload } from 'jose';
import { InvalidTokenError, type AuthFailureReason } from './invalid-token.error.js';
import { issueToken } from './token-issuer.js';
import { TokenVerifier } from './token-verifier.js';

const SECRET = 'a-test-secret-that-is-long-enough-for-hs256';
const ISSUER = 'https://id.example.test';
const AUDIENCE = 'itsm-api';
const now = () => Math.floor(Date.now() / 1000);

interface Signing {
  readonly claims?: JWTPayload;
  readonly expiresAt?: number | string | null;
  readonly secret?: string;
}

async function sign({ claims = { tenant: 'acme', roles: ['agent'] }, expiresAt = '1h', secret = SECRET }: Signing = {}) {
  let jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('ann');
  if (expiresAt !== null) jwt = jwt.setExpirationTime(expiresAt);
  return jwt.sign(new TextEncoder().encode(secret));
}

async function refusal(verifier: Promise<TokenVerifier>, authorization: string): Promise<InvalidTokenError> {
  const error = await (await verifier).verify(authorization).then(
    () => undefined,
    (failure: unknown) => failure,
  );
  if (!(error instanceof InvalidTokenError)) throw new Error(`expected an InvalidTokenError, got ${String(error)}`);
  return error;
}

describe(TokenVerifier.name, () => {
  const sut = () => TokenVerifier.create({ kind: 'secret', secret: SECRET }, '/nonexistent');
  const strict = () => TokenVerifier.create({ kind: 'secret', secret: SECRET, issuer: ISSUER, audience: AUDIENCE }, '/nonexistent');

  it('turns a valid bearer token into a principal', async () => {
    const token = await issueToken(SECRET, { subject: 'ann', tenant: 'acme-eu', roles: ['agent', 'auditor'] });
    const principal = await (await sut()).verify(`Bearer ${token}`);
    expect(principal).toMatchObject({ subject: 'ann', tenant: 'acme-eu', roles: ['agent', 'auditor'] });
    expect(principal.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 7 * 3_600_000);
  });

  it('takes a bare token and the scheme in any case', async () => {
    const token = await sign();
    await expect((await sut()).verify(token)).resolves.toMatchObject({ tenant: 'acme' });
    await expect((await sut()).verify(`bearer  ${token}`)).resolves.toMatchObject({ tenant: 'acme' });
  });

  it('checks issuer and audience when they are configured', async () => {
    const token = await issueToken(SECRET, { subject: 'ann', tenant: 'acme', roles: ['agent'], issuer: ISSUER, audience: AUDIENCE });
    await expect((await strict()).verify(`Bearer ${token}`)).resolves.toMatchObject({ subject: 'ann' });
  });

  it.each<[string, AuthFailureReason, () => Promise<string>]>([
    ['nothing after the scheme', 'missing', async () => 'Bearer '],
    ['only blanks', 'missing', async () => '   '],
    ['the Basic scheme', 'malformed', async () => 'Basic YW5uOnNlY3JldA=='],
    ['more than one token', 'malformed', async () => `Bearer ${await sign()} ${await sign()}`],
    ['garbage', 'malformed', async () => 'Bearer not.a.jwt'],
    ['a token without exp', 'malformed', async () => `Bearer ${await sign({ expiresAt: null })}`],
    ['an expired token', 'expired', async () => `Bearer ${await sign({ expiresAt: now() - 10 })}`],
    [
      'a token whose nbf is in the future',
      'not_yet_valid',
      async () => `Bearer ${await sign({ claims: { tenant: 'acme', roles: ['agent'], nbf: now() + 600 } })}`,
    ],
    ['a token signed with another secret', 'bad_signature', async () => `Bearer ${await sign({ secret: 'another-secret-that-is-long-enough-xx' })}`],
    [
      'an unsigned token (alg none)',
      'bad_signature',
      async () => `Bearer ${new UnsecuredJWT({ tenant: 'acme', roles: ['agent'] }).setSubject('ann').setExpirationTime('1h').encode()}`,
    ],
    ['no tenant', 'malformed', async () => `Bearer ${await sign({ claims: { roles: ['agent'] } })}`],
    ['a tenant outside the safe alphabet', 'malformed', async () => `Bearer ${await sign({ claims: { tenant: 'acme/../x', roles: ['agent'] } })}`],
    ['an unknown role', 'malformed', async () => `Bearer ${await sign({ claims: { tenant: 'acme', roles: ['superuser'] } })}`],
    ['roles that are not a list', 'malformed', async () => `Bearer ${await sign({ claims: { tenant: 'acme', roles: 'agent' } })}`],
  ])('refuses %s as %s, in words of its own', async (_case, reason, authorization) => {
    const error = await refusal(sut(), await authorization());
    expect(error.reason).toBe(reason);
    expect(error.message).not.toMatch(/check failed|Compact JWS|verification failed|missing required|Invalid|unexpected/);
  });

  it.each<[string, Record<string, unknown>, AuthFailureReason]>([
    ['another issuer', { iss: 'https://elsewhere.test', aud: AUDIENCE }, 'wrong_issuer'],
    ['no issuer', { aud: AUDIENCE }, 'wrong_issuer'],
    ['another audience', { iss: ISSUER, aud: 'someone-else' }, 'wrong_audience'],
    ['no audience', { iss: ISSUER }, 'wrong_audience'],
  ])('refuses a token with %s when the issuer and audience are configured', async (_case, claims, reason) => {
    const token = await sign({ claims: { tenant: 'acme', roles: ['agent'], ...claims } });
    expect((await refusal(strict(), `Bearer ${token}`)).reason).toBe(reason);
  });

  it('refuses a subject that could not be recorded', async () => {
    const token = await new SignJWT({ tenant: 'acme', roles: ['agent'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('ann\u0000')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(SECRET));
    expect((await refusal(sut(), `Bearer ${token}`)).reason).toBe('malformed');
  });

  it('stops accepting a remembered token once it expires', async () => {
    const verifier = await sut();
    const token = await sign({ expiresAt: now() + 1 });
    await expect(verifier.verify(token)).resolves.toMatchObject({ tenant: 'acme' });
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    expect((await refusal(Promise.resolve(verifier), token)).reason).toBe('expired');
  });
});
