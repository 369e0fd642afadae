import { SignJWT } from 'jose';
import type { Role } from './principal.js';

export interface TokenRequest {
  readonly subject: string;
  readonly tenant: string;
  readonly roles: readonly Role[];
  readonly expiresIn?: string;
  readonly issuer?: string;
  readonly audience?: string;
}

/** Signs an HS256 token, for development and tests (production tokens come from an identity provider). */
export async function issueToken(secret: string, request: TokenRequest): Promise<string> {
  let jwt = new SignJWT({ tenant: request.tenant, roles: [...request.roles] })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(request.subject)
    .setIssuedAt()
    .setExpirationTime(request.expiresIn ?? '8h');
  if (request.issuer) jwt = jwt.setIssuer(request.issuer);
  if (request.audience) jwt = jwt.setAudience(request.audience);
  return jwt.sign(new TextEncoder().encode(secret));
}
