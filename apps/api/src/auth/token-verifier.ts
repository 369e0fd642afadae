import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyOptions } from 'jose';
import type { AuthConfig } from '#config';
import { findUnstorableText } from '../errors/unstorable-text.js';
import { developmentSecret } from './development-secret.js';
import { InvalidTokenError, invalidTokenFromJose } from './invalid-token.error.js';
import { ROLES, type Principal, type Role } from './principal.js';
import { isServiceAccountCredential } from './service-account-credential.js';

/** Checks service account credentials, which must be checked against the account on every use. */
export interface ServiceAccountCredentials {
  verify(token: string): Promise<Principal>;
}

/** Enough for every active user and service of a large deployment; the oldest entry goes first. */
const CACHE_LIMIT = 10_000;

/** Tenant ids become part of stream names and keys, so they are kept to a safe alphabet. */
export const TENANT_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

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
    private readonly serviceAccounts?: ServiceAccountCredentials,
  ) {}

  /** With `serviceAccounts`, bearer tokens may also be service account credentials (never remembered here). */
  static async create(config: AuthConfig, dataDir: string, serviceAccounts?: ServiceAccountCredentials): Promise<TokenVerifier> {
    if (config.kind === 'jwks') {
      const keys = createRemoteJWKSet(new URL(config.jwksUrl));
      return new TokenVerifier(async (token, options) => (await jwtVerify(token, keys, options)).payload, config, serviceAccounts);
    }
    const secret = new TextEncoder().encode(config.kind === 'secret' ? config.secret : await developmentSecret(dataDir));
    return new TokenVerifier(async (token, options) => (await jwtVerify(token, secret, options)).payload, config, serviceAccounts);
  }

  /**
   * Accepts `Bearer <jwt>` or a bare token; throws InvalidTokenError when the token is refused,
   * and passes on a failure to get the keys (JWKS), which is not the caller's.
   */
  async verify(authorization: string): Promise<Principal> {
    const token = bearerToken(authorization);
    if (this.serviceAccounts && isServiceAccountCredential(token)) return this.serviceAccounts.verify(token);
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
      throw invalidTokenFromJose(error) ?? error;
    }
    const principal = { ...toPrincipal(payload), expiresAt: new Date(payload.exp! * 1000) };
    if (this.verified.size >= CACHE_LIMIT) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, { principal, expiresAtMs: payload.exp! * 1000 });
    return principal;
  }
}

/** A scheme other than Bearer is refused rather than read as a token; a bare token is taken. */
function bearerToken(authorization: string): string {
  const [first = '', ...rest] = authorization.trim().split(/\s+/);
  if (first === '') throw InvalidTokenError.missing();
  if (rest.length === 0) {
    if (/^bearer$/i.test(first)) throw InvalidTokenError.missing();
    return first;
  }
  if (!/^bearer$/i.test(first) || rest.length > 1) {
    throw InvalidTokenError.malformed('Authorization must be "Bearer <token>"');
  }
  return rest[0]!;
}

function toPrincipal(payload: JWTPayload): Principal {
  const tenant = payload.tenant;
  const roles = payload.roles;
  // The subject is recorded as the actor of every event this caller causes.
  if (typeof payload.sub !== 'string' || payload.sub === '' || findUnstorableText(payload.sub) !== undefined) {
    throw InvalidTokenError.malformed('The token has no usable subject ("sub")');
  }
  if (typeof tenant !== 'string' || !TENANT_ID.test(tenant)) {
    throw InvalidTokenError.malformed('The token tenant must be 1 to 64 letters, digits, "_", "." or "-"');
  }
  if (!Array.isArray(roles) || !roles.every((role): role is Role => ROLES.includes(role as Role))) {
    throw InvalidTokenError.malformed(`The token roles must be a list of: ${ROLES.join(', ')}`);
  }
  return { subject: payload.sub, tenant, roles };
}
