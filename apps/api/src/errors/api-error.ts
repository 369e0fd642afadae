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
  | 'INTERNAL_SERVER_ERROR';

export interface ApiErrorDetails {
  /** The input field at fault, for BAD_USER_INPUT. */
  readonly field?: string;
  readonly fields?: readonly { field: string; message: string }[];
  /** HTTP status, for errors raised before execution; Apollo sets it, clients never see it. */
  readonly httpStatus?: number;
  readonly [extra: string]: unknown;
}

export class ApiError extends GraphQLError {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    { httpStatus, ...details }: ApiErrorDetails = {},
  ) {
    super(message, {
      extensions: { code, ...details, ...(httpStatus ? { http: { status: httpStatus } } : {}) },
    });
    this.name = 'ApiError';
  }
}
