import { Metadata } from '@grpc/grpc-js';
import { describe, expect, it } from '@jest/globals';
import {
  AccessDeniedError,
  CancelledError,
  DeadlineExceededError,
  InvalidArgumentError,
  InvalidTransactionError,
  MaxAppendSizeExceededError,
  NoStreamError,
  NotFoundError,
  NotLeaderError,
  RequiredMetadataPropertyMissingError,
  StreamDeletedError as EsdbStreamDeletedError,
  StreamNotFoundError as EsdbStreamNotFoundError,
  TimeoutError,
  UnavailableError,
  UnknownError,
  UnsupportedError,
  WrongExpectedVersionError,
  convertToCommandError,
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
import { isAppendRetrySafe, isTransientEsdbError, mapEsdbError } from './esdb-errors.js';

type ServiceError = ConstructorParameters<typeof NotLeaderError>[0];

/** The shape @grpc/grpc-js gives a failed call; NotLeaderError reads the leader from its metadata. */
function serviceError(code: number, details: string, metadata: Record<string, string> = {}): ServiceError {
  return Object.assign(new Error(`${code} ${details}`), {
    code,
    details,
    metadata: { getMap: () => metadata },
  }) as unknown as ServiceError;
}

/** What the client lets through unconverted, e.g. on a refused connection. */
function plainGrpcError(code: number, details = 'No connection established'): Error {
  return Object.assign(new Error(`${code} ${details}`), { code, details });
}

const notLeader = () =>
  new NotLeaderError(
    serviceError(5, 'Leader info available', {
      exception: 'not-leader',
      'leader-endpoint-host': 'node-2',
      'leader-endpoint-port': '2113',
    }),
  );

describe('isTransientEsdbError', () => {
  it.each([
    ['UnavailableError', new UnavailableError(serviceError(14, 'unavailable'))],
    ['NotLeaderError', notLeader()],
    ['DeadlineExceededError', new DeadlineExceededError(serviceError(4, 'deadline'))],
    ['CancelledError', new CancelledError(serviceError(1, 'cancelled by server'))],
    ['TimeoutError (consumer too slow)', new TimeoutError(serviceError(10, 'Consumer too slow'))],
    ['a plain gRPC UNAVAILABLE (code 14)', plainGrpcError(14)],
    ['a plain gRPC DEADLINE_EXCEEDED (code 4)', plainGrpcError(4, 'Deadline exceeded')],
    ['our own timeout', new EventStoreUnavailableError('no answer')],
  ])('counts %s as transient', (_, error) => {
    expect(isTransientEsdbError(error)).toBe(true);
  });

  it.each([
    [
      'WrongExpectedVersionError',
      new WrongExpectedVersionError(undefined, { streamName: 's', expected: 0n, current: 1n }),
    ],
    ['StreamNotFoundError', new EsdbStreamNotFoundError(undefined, 's')],
    ['AccessDeniedError', new AccessDeniedError(serviceError(16, 'denied'))],
    ['UnknownError', new UnknownError(serviceError(2, 'boom'))],
    ['a plain gRPC INVALID_ARGUMENT (code 3)', plainGrpcError(3, 'bad')],
    ['our own cancellation of a call', plainGrpcError(1, 'Cancelled on client')],
    ['a port error that is not about availability', new InvalidAppendError('no events')],
    ['a TypeError', new TypeError('x is undefined')],
    ['a non-error', 'UNAVAILABLE'],
  ])('does not count %s as transient', (_, error) => {
    expect(isTransientEsdbError(error)).toBe(false);
  });
});

describe('isAppendRetrySafe', () => {
  const unavailable = new UnavailableError(serviceError(14, 'unavailable'));

  it.each([[3n], ['no_stream' as const]])(
    'retries an append expecting %s after an unknown outcome: the server recognises the retried write',
    (expected) => {
      expect(isAppendRetrySafe(unavailable, expected)).toBe(true);
      expect(isAppendRetrySafe(new EventStoreUnavailableError('timed out'), expected)).toBe(true);
      expect(isAppendRetrySafe(new DeadlineExceededError(serviceError(4, 'deadline')), expected)).toBe(true);
    },
  );

  it.each([['stream_exists' as const], ['any' as const]])(
    'retries an append expecting %s only when the server refused it outright (its id check is a cache lost on failover)',
    (expected) => {
      expect(isAppendRetrySafe(unavailable, expected)).toBe(false);
      expect(isAppendRetrySafe(new EventStoreUnavailableError('timed out'), expected)).toBe(false);
      expect(isAppendRetrySafe(new DeadlineExceededError(serviceError(4, 'deadline')), expected)).toBe(false);
      expect(isAppendRetrySafe(notLeader(), expected)).toBe(true);
    },
  );

  it('never retries a conflict', () => {
    const conflict = new WrongExpectedVersionError(undefined, { streamName: 's', expected: 0n, current: 1n });
    expect(isAppendRetrySafe(conflict, 0n)).toBe(false);
  });
});

describe('mapEsdbError', () => {
  it('maps a wrong expected version to the port error with the caller’s expectation', () => {
    const error = new WrongExpectedVersionError(undefined, { streamName: 'incident-1', expected: 2n, current: 5n });
    const mapped = mapEsdbError(error, { streamId: 'incident-1', expectedRevision: 2n });
    expect(mapped).toBeInstanceOf(WrongExpectedRevisionError);
    expect(mapped).toMatchObject({ streamId: 'incident-1', expected: 2n, actual: 5n });
  });

  it('reports a missing stream as actual no_stream', () => {
    const error = new WrongExpectedVersionError(undefined, {
      streamName: 'incident-1',
      expected: 3n,
      current: 'no_stream',
    });
    expect(mapEsdbError(error, { streamId: 'incident-1', expectedRevision: 3n })).toMatchObject({
      expected: 3n,
      actual: 'no_stream',
    });
  });

  it('falls back on what the client says when the call gave no context', () => {
    const error = new WrongExpectedVersionError(undefined, {
      streamName: 'incident-1',
      expected: 'no_stream',
      current: 0n,
    });
    expect(mapEsdbError(error)).toMatchObject({ streamId: 'incident-1', expected: 'no_stream', actual: 0n });
  });

  it('reads a negative actual version from an older server as no_stream', () => {
    const error = new WrongExpectedVersionError(undefined, { streamName: 's', expected: 0n, current: -1n });
    expect(mapEsdbError(error, { streamId: 's', expectedRevision: 0n })).toMatchObject({ actual: 'no_stream' });
  });

  it('maps a missing stream to the port’s StreamNotFoundError', () => {
    const mapped = mapEsdbError(new EsdbStreamNotFoundError(undefined, 'incident-9'));
    expect(mapped).toBeInstanceOf(StreamNotFoundError);
    expect(mapped).toMatchObject({ streamId: 'incident-9' });
  });

  it('maps an oversized append to InvalidAppendError', () => {
    expect(mapEsdbError(MaxAppendSizeExceededError.fromMaxAppendSize(1024))).toBeInstanceOf(InvalidAppendError);
  });

  it.each([
    ['UnavailableError', new UnavailableError(serviceError(14, 'unavailable'))],
    ['NotLeaderError', notLeader()],
    ['DeadlineExceededError', new DeadlineExceededError(serviceError(4, 'deadline'))],
    ['CancelledError', new CancelledError(serviceError(1, 'cancelled by server'))],
    ['TimeoutError', new TimeoutError(serviceError(10, 'Consumer too slow'))],
    ['a plain gRPC UNAVAILABLE', plainGrpcError(14)],
  ])('maps %s to EventStoreUnavailableError keeping the cause', (_, error) => {
    const mapped = mapEsdbError(error);
    expect(mapped).toBeInstanceOf(EventStoreUnavailableError);
    expect((mapped as Error).cause).toBe(error);
  });

  it('returns port errors and errors that are not the store’s as they are', () => {
    const own = new EventStoreUnavailableError('timed out');
    const bug = new TypeError('x is undefined');
    expect(mapEsdbError(own)).toBe(own);
    expect(mapEsdbError(bug)).toBe(bug);
  });

  /**
   * Each failure as the server sends it (a gRPC status with EventStoreDB's `exception` header and
   * its details), turned into the client's class by the client's own converter.
   */
  it.each([
    ['not-leader', 9, { 'leader-endpoint-host': 'node-2', 'leader-endpoint-port': '2113' }, NotLeaderError, EventStoreUnavailableError],
    ['stream-not-found', 5, { 'stream-name': 'incident-1' }, EsdbStreamNotFoundError, StreamNotFoundError],
    ['stream-deleted', 9, { 'stream-name': 'incident-1' }, EsdbStreamDeletedError, StreamDeletedError],
    ['access-denied', 7, {}, AccessDeniedError, EventStoreAccessDeniedError],
    [
      'wrong-expected-version',
      9,
      { 'stream-name': 'incident-1', 'expected-version': '2', 'actual-version': '5' },
      WrongExpectedVersionError,
      WrongExpectedRevisionError,
    ],
    ['maximum-append-size-exceeded', 3, { 'maximum-append-size': '1048576' }, MaxAppendSizeExceededError, InvalidAppendError],
    ['no-stream', 5, {}, NoStreamError, EventStoreFailedError],
    ['invalid-transaction', 9, {}, InvalidTransactionError, EventStoreFailedError],
    ['missing-required-metadata-property', 3, { 'required-metadata-properties': 'type' }, RequiredMetadataPropertyMissingError, EventStoreFailedError],
    [undefined, 10, {}, TimeoutError, EventStoreUnavailableError],
    [undefined, 4, {}, DeadlineExceededError, EventStoreUnavailableError],
    [undefined, 14, {}, UnavailableError, EventStoreUnavailableError],
    [undefined, 1, {}, CancelledError, EventStoreUnavailableError],
    [undefined, 16, {}, AccessDeniedError, EventStoreAccessDeniedError],
    [undefined, 5, {}, NotFoundError, EventStoreFailedError],
    [undefined, 13, {}, UnknownError, EventStoreFailedError],
  ] as const)('maps the server’s %s (gRPC %i, headers %j) through %p to the port’s %p, keeping the cause', (exception, code, headers, clientClass, portClass) => {
    const metadata = new Metadata();
    if (exception) metadata.set('exception', exception);
    for (const [key, value] of Object.entries(headers)) metadata.set(key, value);
    const clientError = convertToCommandError(
      Object.assign(new Error(`${code} server said no`), { code, details: 'server said no', metadata }),
    );
    expect(clientError).toBeInstanceOf(clientClass);
    const mapped = mapEsdbError(clientError, { streamId: 'incident-1', expectedRevision: 2n });
    expect(mapped).toBeInstanceOf(portClass);
    expect(mapped).toBeInstanceOf(EventStoreError);
    expect((mapped as Error).cause).toBe(clientError);
  });

  it('maps the client’s own refusals (invalid argument, unsupported server) to EventStoreFailedError', () => {
    for (const error of [new InvalidArgumentError('bad'), new UnsupportedError('filtered reads', '23.10')]) {
      const mapped = mapEsdbError(error);
      expect(mapped).toBeInstanceOf(EventStoreFailedError);
      expect((mapped as Error).cause).toBe(error);
    }
  });

  it('maps a plain gRPC failure the client let through to a port error', () => {
    expect(mapEsdbError(plainGrpcError(13, 'internal'))).toBeInstanceOf(EventStoreFailedError);
  });
});
