import type { InvalidTokenError } from './invalid-token.error.js';
import type { Principal } from './principal.js';

/** What every resolver sees of the request: the caller, once the token is verified. */
export interface GraphQLContext {
  readonly principal?: Principal;
  /** Why the token was refused, or that none was sent; the auth guard answers UNAUTHENTICATED with it. */
  readonly authFailure?: InvalidTokenError;
}
