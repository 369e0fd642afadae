import { describeExpectedRevision, type ActualRevision, type ExpectedRevision } from './expected-revision.js';
import { encodePosition, type Position } from './position.js';

/** Base of every error the event store port throws, so callers can map them in one place. */
export abstract class EventStoreError extends Error {
  abstract readonly code:
    | 'WRONG_EXPECTED_REVISION'
    | 'STREAM_NOT_FOUND'
    | 'STREAM_DELETED'
    | 'ACCESS_DENIED'
    | 'UNAVAILABLE'
    | 'INVALID_APPEND'
    | 'FOREIGN_EVENT'
    | 'FAILED';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    // Each error reports its own class name, for logs and for `cause` chains.
    this.name = new.target.name;
  }
}

export class WrongExpectedRevisionError extends EventStoreError {
  readonly code = 'WRONG_EXPECTED_REVISION';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: ActualRevision,
    options?: { cause?: unknown },
  ) {
    super(
      `Stream "${streamId}" expected ${describeExpectedRevision(expected)} but is at ` +
        (actual === 'no_stream' ? 'no stream' : `revision ${actual}`),
      options,
    );
  }
}

export class StreamNotFoundError extends EventStoreError {
  readonly code = 'STREAM_NOT_FOUND';
  constructor(
    readonly streamId: string,
    options?: { cause?: unknown },
  ) {
    super(`Stream "${streamId}" not found`, options);
  }
}

/** The stream was deleted for good (tombstoned): it can be neither read nor written again. */
export class StreamDeletedError extends EventStoreError {
  readonly code = 'STREAM_DELETED';
  constructor(
    readonly streamId: string,
    options?: { cause?: unknown },
  ) {
    super(`Stream "${streamId}" is deleted`, options);
  }
}

/** The store refused the credentials the product runs with; a configuration fault, not the caller's. */
export class EventStoreAccessDeniedError extends EventStoreError {
  readonly code = 'ACCESS_DENIED';
}

/** The store failed the call in a way none of the other errors describes. */
export class EventStoreFailedError extends EventStoreError {
  readonly code = 'FAILED';
}

/**
 * An event in a product stream (or one a filter asked for) that the product did not write: it
 * lacks the metadata envelope every product event carries. Readers stop at it rather than guess;
 * `position` tells an operator what to skip.
 */
export class ForeignEventError extends EventStoreError {
  readonly code = 'FOREIGN_EVENT';
  constructor(
    readonly streamId: string,
    readonly eventId: string,
    readonly eventType: string,
    readonly position: Position,
    readonly reason: string,
  ) {
    super(
      `Event ${eventId} (${eventType}) in "${streamId}" at position ${encodePosition(position)} was not written by ` +
        `this product: ${reason}`,
    );
  }
}

/** The store cannot be reached or is not answering; nothing was written, or nothing is known. */
export class EventStoreUnavailableError extends EventStoreError {
  readonly code = 'UNAVAILABLE';
}

/** The append itself is malformed (no events, a duplicate event id in another place). */
export class InvalidAppendError extends EventStoreError {
  readonly code = 'INVALID_APPEND';
}
