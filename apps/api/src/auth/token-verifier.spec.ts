import { describe, expect, it } from '@jest/globals';
import { SignJWT } from 'jose';
import { issueToken } from './token-issuer.js';
import { InvalidTokenError, TokenVerifier } from './token-verifier.js';

const SECRET = 'a-test-secret-that-is-long-enough-for-hs256';

async function sign(claims: Record<string, unknown>, expiresAt: number | string = '1h', secret = SECRET): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('ann')
    .setExpirationTime(expiresAt)
    .sign(new TextEncoder().encode(secret));
}

describe(TokenVerifier.name, () => {
  const sut = () => TokenVerifier.create({ kind: 'secret', secret: SECRET }, '/nonexistent');

  it('turns a valid bearer token into a principal', async () => {
    const token = await issueToken(SECRET, { subject: 'ann', tenant: 'acme-eu', roles: ['agent', 'auditor'] });
    const principal = await (await sut()).verify(`Bearer ${token}`);
    expect(principal).toMatchObject({ subject: 'ann', tenant: 'acme-eu', roles: ['agent', 'auditor'] });
    expect(principal.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 7 * 3_600_000);
  });

  it.each([
    ['a foreign signature', () => sign({ tenant: 'acme', roles: ['agent'] }, '1h', 'another-secret-that-is-long-enough-xx')],
    ['an expired token', () => sign({ tenant: 'acme', roles: ['agent'] }, Math.floor(Date.now() / 1000) - 10)],
    ['no tenant', () => sign({ roles: ['agent'] })],
    ['a tenant outside the safe alphabet', () => sign({ tenant: 'acme/../x', roles: ['agent'] })],
    ['an unknown role', () => sign({ tenant: 'acme', roles: ['superuser'] })],
    ['roles that are not a list', () => sign({ tenant: 'acme', roles: 'agent' })],
    ['garbage', async () => 'not.a.jwt'],
  ])('refuses %s', async (_case, token) => {
    await expect((await sut()).verify(`Bearer ${await token()}`)).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('stops accepting a remembered token once it expires', async () => {
    const verifier = await sut();
    const token = await sign({ tenant: 'acme', roles: ['agent'] }, Math.floor(Date.now() / 1000) + 1);
    await expect(verifier.verify(token)).resolves.toMatchObject({ tenant: 'acme' });
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    await expect(verifier.verify(token)).rejects.toBeInstanceOf(InvalidTokenError);
  });
});
