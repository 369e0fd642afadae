import {
  AccessDeniedError,
  CancelledError,
  DeadlineExceededError,
  MaxAppendSizeExceededError,
  NotLeaderError,
  StreamDeletedError as EsdbStreamDeletedError,
  StreamNotFoundError as EsdbStreamNotFoundError,
  TimeoutError,
  UnavailableError,
  WrongExpectedVersionError,
  isCommandError,
} from '@eventstore/db-client';
import {
  EventStoreAccessDeniedError,
  EventStoreError,
  EventStoreFailedError,
  EventStoreUnavailableError,
  InvalidAppendError,
  StreamDeletedError,
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
 * Whether an append that failed this way may be sent again. A refusal by a node that is not the
 * leader wrote nothing, so any append may go again. After an unknown outcome (timeout, dropped
 * connection) the first attempt may have been written; the server recognises a retried write by
 * its event ids and positions only for an exact revision and `no_stream`. For `stream_exists`
 * and `any` it checks only a small in-memory cache of recent ids, lost on restart and failover,
 * so a retry could write the events twice: those are not retried.
 */
export function isAppendRetrySafe(error: unknown, expectedRevision: ExpectedRevision): boolean {
  if (error instanceof NotLeaderError) return true;
  if (expectedRevision === 'any' || expectedRevision === 'stream_exists') return false;
  return isTransientEsdbError(error);
}

/** Whether an append that failed this way may nonetheless have been written. */
export function isAppendOutcomeUnknown(error: unknown): boolean {
  return isTransientEsdbError(error) && !(error instanceof NotLeaderError);
}

/**
 * Translates a client or gRPC error into the port's errors, with the original as `cause`, so no
 * class of the client reaches callers; anything that is not a store error is returned as it is.
 */
export function mapEsdbError(error: unknown, context: EsdbErrorContext = {}): unknown {
  if (error instanceof EventStoreError) return error;
  const cause = { cause: error };
  if (error instanceof WrongExpectedVersionError) {
    // The caller's own expectation is exact; the client rebuilds it from headers on some paths.
    return new WrongExpectedRevisionError(
      context.streamId ?? error.streamName,
      context.expectedRevision ?? error.expectedVersion,
      actualRevision(error.actualVersion),
      cause,
    );
  }
  if (error instanceof EsdbStreamNotFoundError) {
    return new StreamNotFoundError(context.streamId ?? streamNameOf(error.streamName), cause);
  }
  if (error instanceof EsdbStreamDeletedError) {
    return new StreamDeletedError(context.streamId ?? error.streamName, cause);
  }
  if (error instanceof AccessDeniedError) {
    return new EventStoreAccessDeniedError(
      'EventStoreDB refused the credentials the product runs with; check the user in EVENT_STORE_URL',
      cause,
    );
  }
  if (error instanceof MaxAppendSizeExceededError) {
    return new InvalidAppendError(`The append is larger than the server allows (${error.maxAppendSize} bytes)`, cause);
  }
  if (isTransientEsdbError(error)) {
    return new EventStoreUnavailableError(`EventStoreDB is unavailable: ${(error as Error).message}`, cause);
  }
  if (error instanceof Error && (isCommandError(error) || isGrpcError(error))) {
    return new EventStoreFailedError(`EventStoreDB failed the call: ${error.message}`, cause);
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

/** A failed gRPC call the client let through unconverted. */
function isGrpcError(error: Error): boolean {
  return typeof (error as { code?: unknown }).code === 'number' && 'details' in error;
}

function streamNameOf(name: string | Uint8Array): string {
  return typeof name === 'string' ? name : Buffer.from(name).toString('utf8');
}
