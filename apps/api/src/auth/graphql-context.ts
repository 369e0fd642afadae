import type { Principal } from './principal.js';

/** What every resolver sees of the request: the caller, once the token is verified. */
export interface GraphQLContext {
  readonly principal?: Principal;
  /** Why a token given was refused; resolvers then answer UNAUTHENTICATED with this reason. */
  readonly authError?: string;
}
