import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyOptions } from 'jose';
import type { AuthConfig } from '#config';
import { developmentSecret } from './development-secret.js';
import { ROLES, type Principal, type Role } from './principal.js';

export class InvalidTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidTokenError';
  }
}

/** Enough for every active user and service of a large deployment; the oldest entry goes first. */
const CACHE_LIMIT = 10_000;

/** Tenant ids become part of stream names and keys, so they are kept to a safe alphabet. */
const TENANT_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/**
 * Verifies bearer tokens (HS256 with a shared secret, or keys from a JWKS URL) into principals.
 * A token once verified is remembered until it expires: clients send the same token with every
 * request, and checking its signature each time is a measurable share of a command's cost.
 */
export class TokenVerifier {
  private readonly verified = new Map<string, { principal: Principal; expiresAtMs: number }>();

  private constructor(
    private readonly verifyJwt: (token: string, options: JWTVerifyOptions) => Promise<JWTPayload>,
    private readonly config: AuthConfig,
  ) {}

  static async create(config: AuthConfig, dataDir: string): Promise<TokenVerifier> {
    if (config.kind === 'jwks') {
      const keys = createRemoteJWKSet(new URL(config.jwksUrl));
      return new TokenVerifier(async (token, options) => (await jwtVerify(token, keys, options)).payload, config);
    }
    const secret = new TextEncoder().encode(config.kind === 'secret' ? config.secret : await developmentSecret(dataDir));
    return new TokenVerifier(async (token, options) => (await jwtVerify(token, secret, options)).payload, config);
  }

  /** Accepts `Bearer <jwt>` or a bare token; throws InvalidTokenError on anything else. */
  async verify(authorization: string): Promise<Principal> {
    const token = authorization.replace(/^Bearer\s+/i, '').trim();
    if (!token) throw new InvalidTokenError('Missing bearer token');
    const cached = this.verified.get(token);
    if (cached && cached.expiresAtMs > Date.now()) return cached.principal;
    this.verified.delete(token);
    let payload: JWTPayload;
    try {
      const options = {
        algorithms: this.config.kind === 'jwks' ? ['RS256', 'ES256', 'PS256', 'EdDSA'] : ['HS256'],
        issuer: this.config.issuer,
        audience: this.config.audience,
        requiredClaims: ['exp', 'sub'],
      };
      payload = await this.verifyJwt(token, options);
    } catch (error) {
      throw new InvalidTokenError(`Invalid token: ${error instanceof Error ? error.message : 'unreadable'}`);
    }
    const principal = { ...toPrincipal(payload), expiresAt: new Date(payload.exp! * 1000) };
    if (this.verified.size >= CACHE_LIMIT) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, { principal, expiresAtMs: payload.exp! * 1000 });
    return principal;
  }
}

function toPrincipal(payload: JWTPayload): Principal {
  const tenant = payload.tenant;
  const roles = payload.roles;
  if (typeof payload.sub !== 'string' || payload.sub === '') throw new InvalidTokenError('Token has no subject');
  if (typeof tenant !== 'string' || !TENANT_ID.test(tenant)) {
    throw new InvalidTokenError('Token tenant must be 1 to 64 letters, digits, "_", "." or "-"');
  }
  if (!Array.isArray(roles) || !roles.every((role): role is Role => ROLES.includes(role as Role))) {
    throw new InvalidTokenError(`Token roles must be a list of: ${ROLES.join(', ')}`);
  }
  return { subject: payload.sub, tenant, roles };
}
