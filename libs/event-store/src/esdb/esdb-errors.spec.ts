import { describe, expect, it } from '@jest/globals';
import {
  AccessDeniedError,
  CancelledError,
  DeadlineExceededError,
  MaxAppendSizeExceededError,
  NotLeaderError,
  StreamNotFoundError as EsdbStreamNotFoundError,
  TimeoutError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import {
  EventStoreUnavailableError,
  InvalidAppendError,
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

  it.each([[3n], ['no_stream' as const], ['stream_exists' as const]])(
    'retries an append expecting %s after an unknown outcome, which idempotent ids make safe',
    (expected) => {
      expect(isAppendRetrySafe(unavailable, expected)).toBe(true);
      expect(isAppendRetrySafe(new EventStoreUnavailableError('timed out'), expected)).toBe(true);
    },
  );

  it('retries an append expecting any only when the server refused it outright', () => {
    expect(isAppendRetrySafe(unavailable, 'any')).toBe(false);
    expect(isAppendRetrySafe(new EventStoreUnavailableError('timed out'), 'any')).toBe(false);
    expect(isAppendRetrySafe(notLeader(), 'any')).toBe(true);
  });

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

  it('returns port errors and unrelated errors as they are', () => {
    const own = new EventStoreUnavailableError('timed out');
    const denied = new AccessDeniedError(serviceError(16, 'denied'));
    const bug = new TypeError('x is undefined');
    expect(mapEsdbError(own)).toBe(own);
    expect(mapEsdbError(denied)).toBe(denied);
    expect(mapEsdbError(bug)).toBe(bug);
  });
});
