import {
  CancelledError,
  DeadlineExceededError,
  MaxAppendSizeExceededError,
  NotLeaderError,
  StreamNotFoundError as EsdbStreamNotFoundError,
  TimeoutError,
  UnavailableError,
  WrongExpectedVersionError,
  isCommandError,
} from '@eventstore/db-client';
import {
  EventStoreError,
  EventStoreUnavailableError,
  InvalidAppendError,
  StreamNotFoundError,
  WrongExpectedRevisionError,
} from '../event-store.errors.js';
import type { ActualRevision, ExpectedRevision } from '../expected-revision.js';

/** gRPC status codes that mean "not now" rather than "never". */
const GRPC_CANCELLED = 1;
const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_ABORTED = 10;
const GRPC_UNAVAILABLE = 14;
const TRANSIENT_GRPC_CODES = new Set([GRPC_CANCELLED, GRPC_DEADLINE_EXCEEDED, GRPC_ABORTED, GRPC_UNAVAILABLE]);

/** What the failed call was about, so mapped errors can name the stream and the caller's expectation. */
export interface EsdbErrorContext {
  readonly streamId?: string;
  readonly expectedRevision?: ExpectedRevision;
}

/**
 * Whether a retry may succeed: the server was unreachable, not the leader, too slow, or shed the
 * call ("consumer too slow" arrives as `TimeoutError`). Besides its own error classes, the client
 * lets some failures through as plain gRPC errors (`code` 14 on a refused connection), so those
 * are judged by their status code.
 */
export function isTransientEsdbError(error: unknown): boolean {
  if (error instanceof EventStoreUnavailableError) return true;
  if (
    error instanceof UnavailableError ||
    error instanceof NotLeaderError ||
    error instanceof DeadlineExceededError ||
    error instanceof CancelledError ||
    error instanceof TimeoutError
  ) {
    return true;
  }
  if (!(error instanceof Error) || isCommandError(error) || error instanceof EventStoreError) return false;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'number' && TRANSIENT_GRPC_CODES.has(code) && !isClientCancellation(error);
}

/**
 * Whether an append that failed this way may be sent again. After an unknown outcome (timeout,
 * dropped connection) the first attempt may have been written: a retry is still safe because
 * EventStoreDB appends are idempotent by event id, so the retry reports the earlier write instead
 * of writing again. The server guarantees that only for an exact revision, `no_stream` and
 * `stream_exists`; with `any` it is best effort, so such appends are retried only when the server
 * refused them outright (not the leader) and nothing can have been written.
 */
export function isAppendRetrySafe(error: unknown, expectedRevision: ExpectedRevision): boolean {
  if (expectedRevision === 'any') return error instanceof NotLeaderError;
  return isTransientEsdbError(error);
}

/** Translates a client or gRPC error into the port's errors; anything else is returned as it is. */
export function mapEsdbError(error: unknown, context: EsdbErrorContext = {}): unknown {
  if (error instanceof EventStoreError) return error;
  if (error instanceof WrongExpectedVersionError) {
    // The caller's own expectation is exact; the client rebuilds it from headers on some paths.
    return new WrongExpectedRevisionError(
      context.streamId ?? error.streamName,
      context.expectedRevision ?? error.expectedVersion,
      actualRevision(error.actualVersion),
    );
  }
  if (error instanceof EsdbStreamNotFoundError) {
    return new StreamNotFoundError(context.streamId ?? error.streamName);
  }
  if (error instanceof MaxAppendSizeExceededError) {
    return new InvalidAppendError(`The append is larger than the server allows (${error.maxAppendSize} bytes)`);
  }
  if (isTransientEsdbError(error)) {
    return new EventStoreUnavailableError(`EventStoreDB is unavailable: ${(error as Error).message}`, { cause: error });
  }
  return error;
}

/** Older servers report versions as signed numbers in headers, where -1 means "no stream". */
function actualRevision(actual: bigint | 'no_stream'): ActualRevision {
  return typeof actual === 'bigint' && actual < 0n ? 'no_stream' : actual;
}

/** Our own cancellation of a call: it ends what we abandoned, it is not a server failure. */
function isClientCancellation(error: Error): boolean {
  return (error as { details?: unknown }).details === 'Cancelled on client';
}
