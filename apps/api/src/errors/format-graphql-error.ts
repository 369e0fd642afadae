import { Logger } from '@nestjs/common';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { IdempotencyKeyReusedError, RecordContendedError } from '#commands';
import { DomainError } from '#domain';
import {
  EventStoreUnavailableError,
  ForeignPositionError,
  InvalidPositionError,
  WrongExpectedRevisionError,
  isPostgresUnavailable,
  postgresErrorCode,
} from '#event-store';
import { ApiError } from './api-error.js';
import { coercionErrorField } from './coercion-error-field.js';

const logger = new Logger('GraphQL');

/** SQLSTATE of a statement cancelled by STATEMENT_TIMEOUT_MS. */
const STATEMENT_TIMED_OUT = '57014';

/**
 * The one place where failures become GraphQL errors: known ones get their code, anything else
 * is logged here and reaches the client only as an opaque internal error. No stack traces leave.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapRefusal(error);
  const known = toApiError(original);
  if (known) {
    // `http` tells Apollo the status to answer with; it is not for the client.
    const { http: _status, ...extensions } = known.extensions;
    return { message: known.message, locations: formatted.locations, path: formatted.path, extensions };
  }
  const code = formatted.extensions?.code;
  if (original === error && typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') {
    // Apollo's own request errors (parse, validation, bad variables) are safe to pass on.
    const field = code === 'BAD_USER_INPUT' ? coercionErrorField(formatted.message) : undefined;
    return { message: formatted.message, locations: formatted.locations, extensions: field ? { code, field } : { code } };
  }
  logger.error(original instanceof Error ? (original.stack ?? original.message) : String(original));
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

/** A resolver's error, or our refusal that Apollo wrapped as a validation error. */
function unwrapRefusal(error: unknown): unknown {
  if (error instanceof GraphQLError && error.originalError instanceof ApiError) return error.originalError;
  return unwrapResolverError(error);
}

function toApiError(error: unknown): ApiError | undefined {
  if (error instanceof ApiError) return error;
  if (error instanceof DomainError) {
    return new ApiError(error.code, error.message, error.field ? { field: error.field } : {});
  }
  if (error instanceof WrongExpectedRevisionError) {
    return new ApiError('CONCURRENCY_CONFLICT', 'The record was changed by someone else; reload it and try again', {
      actualVersion: error.actual === 'no_stream' ? null : error.actual.toString(),
    });
  }
  if (error instanceof IdempotencyKeyReusedError) {
    return new ApiError('IDEMPOTENCY_KEY_REUSED', 'This commandId was already used for a different command; use a new one', {
      field: 'commandId',
    });
  }
  if (error instanceof RecordContendedError) {
    return new ApiError('SERVICE_UNAVAILABLE', 'The record is changing too fast to apply this command now; try again shortly');
  }
  if (error instanceof ForeignPositionError) {
    return new ApiError('BAD_USER_INPUT', 'consistentWith is a position of another event store than the one this API uses', {
      field: 'consistentWith',
    });
  }
  if (error instanceof InvalidPositionError) {
    return new ApiError('BAD_USER_INPUT', 'consistentWith is not a position this API returned', {
      field: 'consistentWith',
    });
  }
  if (postgresErrorCode(error) === STATEMENT_TIMED_OUT) {
    return new ApiError('SERVICE_UNAVAILABLE', 'The request took longer than the server allows; try again shortly, or ask for less', {
      reason: 'timeout',
    });
  }
  if (error instanceof EventStoreUnavailableError || isPostgresUnavailable(error)) {
    return new ApiError('SERVICE_UNAVAILABLE', 'A store is unavailable; try again shortly');
  }
  return undefined;
}
