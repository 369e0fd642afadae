import { errors } from 'jose';

/** Why a request is UNAUTHENTICATED, for clients to act on (`extensions.reason`). */
export type AuthFailureReason =
  | 'missing'
  | 'malformed'
  | 'expired'
  | 'not_yet_valid'
  | 'bad_signature'
  | 'wrong_issuer'
  | 'wrong_audience'
  /** Service accounts: revoked by an admin, its secret replaced, or no account has this credential. */
  | 'revoked'
  | 'rotated'
  | 'bad_secret';

/** A token refused, with the reason and a message of our own (never the JWT library's). */
export class InvalidTokenError extends Error {
  constructor(
    readonly reason: AuthFailureReason,
    message: string,
  ) {
    super(message);
    this.name = 'InvalidTokenError';
  }

  static missing(): InvalidTokenError {
    return new InvalidTokenError(
      'missing',
      'Send a bearer token: the Authorization header, or the authorization connection parameter on graphql-ws',
    );
  }

  static malformed(message = 'The bearer token is not a well-formed JWT'): InvalidTokenError {
    return new InvalidTokenError('malformed', message);
  }
}

/**
 * What a failure of jose's `jwtVerify` says about the token. Undefined when it says nothing
 * about it: the key set could not be fetched or read, which is our failure, not the caller's.
 */
export function invalidTokenFromJose(error: unknown): InvalidTokenError | undefined {
  if (error instanceof errors.JWTExpired) {
    return new InvalidTokenError('expired', 'The token has expired; get a new one');
  }
  if (error instanceof errors.JWTClaimValidationFailed) return invalidClaim(error);
  if (
    error instanceof errors.JWSSignatureVerificationFailed ||
    error instanceof errors.JOSEAlgNotAllowed ||
    error instanceof errors.JWKSNoMatchingKey ||
    error instanceof errors.JWKSMultipleMatchingKeys
  ) {
    return new InvalidTokenError('bad_signature', "The token's signature does not verify with the keys this server trusts");
  }
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) return undefined;
  if (error instanceof errors.JOSEError) return InvalidTokenError.malformed();
  return undefined;
}

function invalidClaim(error: InstanceType<typeof errors.JWTClaimValidationFailed>): InvalidTokenError {
  const checkFailed = error.reason === 'check_failed';
  switch (error.claim) {
    case 'iss':
      return new InvalidTokenError('wrong_issuer', 'The token was not issued by the issuer this server trusts');
    case 'aud':
      return new InvalidTokenError('wrong_audience', 'The token is not meant for this server (its audience)');
    case 'nbf':
      if (checkFailed) return new InvalidTokenError('not_yet_valid', 'The token is not valid yet (its nbf is in the future)');
  }
  return InvalidTokenError.malformed(`The token's "${error.claim}" claim is missing or invalid`);
}
