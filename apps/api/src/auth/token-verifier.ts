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

/** Verifies bearer tokens (HS256 with a shared secret, or keys from a JWKS URL) into principals. */
export class TokenVerifier {
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
    return toPrincipal(payload);
  }
}

function toPrincipal(payload: JWTPayload): Principal {
  const tenant = payload.tenant;
  const roles = payload.roles;
  if (typeof payload.sub !== 'string' || payload.sub === '') throw new InvalidTokenError('Token has no subject');
  if (typeof tenant !== 'string' || tenant === '') throw new InvalidTokenError('Token has no tenant claim');
  if (!Array.isArray(roles) || !roles.every((role): role is Role => ROLES.includes(role as Role))) {
    throw new InvalidTokenError(`Token roles must be a list of: ${ROLES.join(', ')}`);
  }
  return { subject: payload.sub, tenant, roles };
}
