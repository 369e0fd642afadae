import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';

/** Every `extensions.code` the API answers with, so clients can switch on them. */
export type ApiErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'INVALID_TRANSITION'
  | 'CONCURRENCY_CONFLICT'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'SCHEDULE_CONFLICT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'SERVICE_UNAVAILABLE'
  | 'CONSISTENCY_TIMEOUT'
  | 'SUBSCRIPTION_OVER_HTTP_NOT_SUPPORTED'
  | 'QUERY_TOO_COMPLEX'
  | 'RATE_LIMITED'
  | 'INTERNAL_SERVER_ERROR';

export interface ApiErrorDetails {
  /** The input field at fault, for BAD_USER_INPUT. */
  readonly field?: string;
  readonly fields?: readonly { field: string; message: string }[];
  /** HTTP status, for errors raised before execution; Apollo sets it, clients never see it. */
  readonly httpStatus?: number;
  /** HTTP headers to answer with (with `httpStatus`), such as Retry-After. */
  readonly httpHeaders?: Readonly<Record<string, string>>;
  readonly [extra: string]: unknown;
}

export class ApiError extends GraphQLError {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    { httpStatus, httpHeaders, ...details }: ApiErrorDetails = {},
  ) {
    const http = httpStatus ? { status: httpStatus, headers: new HeaderMap(Object.entries(httpHeaders ?? {})) } : undefined;
    super(message, { extensions: { code, ...details, ...(http ? { http } : {}) } });
    this.name = 'ApiError';
  }
}
