import type { GraphQLContext } from './graphql-context.js';
import { InvalidTokenError } from './invalid-token.error.js';
import type { TokenVerifier } from './token-verifier.js';

/** Correlation ids the API takes from callers; anything else is replaced by a fresh one. */
const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Verifies a token if one is given; a refused one is remembered, to be answered UNAUTHENTICATED. */
export async function authenticate(
  verifier: TokenVerifier,
  authorization: unknown,
  correlationId?: unknown,
): Promise<GraphQLContext> {
  if (typeof authorization !== 'string' || authorization === '') return {};
  try {
    const principal = await verifier.verify(authorization);
    const given = typeof correlationId === 'string' && CORRELATION_ID.test(correlationId);
    return { principal: given ? { ...principal, correlationId } : principal };
  } catch (error) {
    if (error instanceof InvalidTokenError) return { authFailure: error };
    throw error;
  }
}
