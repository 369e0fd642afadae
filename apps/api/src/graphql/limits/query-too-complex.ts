import { GraphQLError } from 'graphql';
import { ApiError } from '../../errors/api-error.js';

/** Which limit an operation went over, in `extensions.limit`. */
export type QueryLimitName = 'depth' | 'aliases' | 'directives' | 'tokens' | 'cost';

/** The one refusal for an operation over a limit: coded, 400, made before anything runs. */
export function queryTooComplex(limit: QueryLimitName, max: number, message: string): ApiError {
  return new ApiError('QUERY_TOO_COMPLEX', message, { limit, max, httpStatus: 400 });
}

/**
 * graphql-js stops parsing past `maxTokens` with a syntax error of its own; this recognises it
 * (the wording is graphql 16's, and the limits test fails if it changes).
 */
export function tokenLimitRefusal(error: unknown, maxTokens: number): ApiError | undefined {
  if (!(error instanceof GraphQLError)) return undefined;
  const parseError = error.originalError instanceof GraphQLError ? error.originalError : error;
  if (!/^Syntax Error: Document contains more th\w+ \d+ tokens/.test(parseError.message)) return undefined;
  return queryTooComplex('tokens', maxTokens, `The document has more than ${maxTokens} tokens`);
}
