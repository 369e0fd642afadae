import { describeExpectedRevision, type ActualRevision, type ExpectedRevision } from './expected-revision.js';

/** Base of every error the event store port throws, so callers can map them in one place. */
export abstract class EventStoreError extends Error {
  abstract readonly code: 'WRONG_EXPECTED_REVISION' | 'STREAM_NOT_FOUND' | 'UNAVAILABLE' | 'INVALID_APPEND';
}

export class WrongExpectedRevisionError extends EventStoreError {
  readonly code = 'WRONG_EXPECTED_REVISION';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: ActualRevision,
  ) {
    super(
      `Stream "${streamId}" expected ${describeExpectedRevision(expected)} but is at ` +
        (actual === 'no_stream' ? 'no stream' : `revision ${actual}`),
    );
    this.name = 'WrongExpectedRevisionError';
  }
}

export class StreamNotFoundError extends EventStoreError {
  readonly code = 'STREAM_NOT_FOUND';
  constructor(readonly streamId: string) {
    super(`Stream "${streamId}" not found`);
    this.name = 'StreamNotFoundError';
  }
}

/** The store cannot be reached or is not answering; nothing was written, or nothing is known. */
export class EventStoreUnavailableError extends EventStoreError {
  readonly code = 'UNAVAILABLE';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EventStoreUnavailableError';
  }
}

/** The append itself is malformed (no events, a duplicate event id in another place). */
export class InvalidAppendError extends EventStoreError {
  readonly code = 'INVALID_APPEND';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidAppendError';
  }
}
