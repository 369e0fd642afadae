import type { GraphQLFormattedError } from 'graphql';
import { formatGraphQLError } from '../errors/format-graphql-error.js';

/** The HTTP status of each code POST /alerts answers with; anything else is a 500. */
const STATUS_OF_CODE: Readonly<Record<string, number>> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_TRANSITION: 409,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
};

export interface AlertHttpError {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** The same shape as every other refusal of the API: `{ errors: [{ message, extensions: { code } }] }`. */
  readonly body: { readonly errors: readonly GraphQLFormattedError[] };
}

/** Any failure, coded exactly as GraphQL codes it (and logged there when unexpected). */
export function alertHttpError(error: unknown): AlertHttpError {
  const formatted = formatGraphQLError({ message: 'Internal server error' }, error);
  const code = String(formatted.extensions?.code);
  const retryAfter = formatted.extensions?.retryAfter;
  return {
    status: STATUS_OF_CODE[code] ?? 500,
    headers: code === 'RATE_LIMITED' && retryAfter !== undefined ? { 'retry-after': String(retryAfter) } : {},
    body: { errors: [formatted] },
  };
}
