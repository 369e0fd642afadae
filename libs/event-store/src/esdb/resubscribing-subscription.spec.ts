import { describe, expect, it, jest } from '@jest/globals';
import { AccessDeniedError, TimeoutError, UnavailableError } from '@eventstore/db-client';
import { EventStoreAccessDeniedError, EventStoreUnavailableError } from '../event-store.errors.js';
import type { RecordedEvent } from '../event-store.port.js';
import { comparePositions, type Position } from '../position.js';
import type { RetryDependencies, RetryPolicy } from './esdb-retry.js';
import {
  ResubscribingSubscription,
  type SubscriptionRequest,
  type SubscriptionSource,
} from './resubscribing-subscription.js';

/** Every test here settles in milliseconds; a hang is a failure, not a wait. */
jest.setTimeout(5_000);

const policy: RetryPolicy = { maxAttempts: 3, initialDelayMs: 100, maxDelayMs: 1_000 };

function recorded(n: number): RecordedEvent {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    type: 'test.happened.v1',
    data: { n },
    metadata: { actor: 'a', tenant: 't', correlationId: 'c', causationId: 'c', origin: 'system' },
    streamId: 'incident-1',
    revision: BigInt(n),
    position: { commit: BigInt(n * 100), prepare: BigInt(n * 100) },
    created: new Date(0),
  };
}

const LOG = [1, 2, 3, 4, 5].map(recorded);

/** Waits that do not wait, but still end early on abort like the real one; a clock that stands still. */
function fakeDependencies(now: () => number = () => 0): RetryDependencies & { readonly sleeps: number[] } {
  const sleeps: number[] = [];
  return { sleeps, sleep: async (ms) => void sleeps.push(ms), random: () => 0, now };
}

type Attempt = (log: readonly RecordedEvent[], request: SubscriptionRequest) => AsyncGenerator<RecordedEvent>;

/**
 * Plays the server: each call serves the log strictly after the requested position, as
 * EventStoreDB does, following the script of its attempt. So a resubscription from the wrong
 * position shows up as a repeated or missing event.
 */
function scriptedSource(attempts: Attempt[]): SubscriptionSource & { readonly requests: SubscriptionRequest[] } {
  const requests: SubscriptionRequest[] = [];
  const source = (request: SubscriptionRequest) => {
    requests.push(request);
    const attempt = attempts[requests.length - 1];
    if (!attempt) throw new Error(`unexpected subscription #${requests.length}`);
    const after = request.after;
    return attempt(after ? LOG.filter((event) => comparePositions(event.position, after) > 0) : LOG, request);
  };
  return Object.assign(source, { requests });
}

/** Delivers `count` events, then fails with `error`. */
const deliverThenFail = (count: number, error: unknown): Attempt =>
  async function* (log) {
    yield* log.slice(0, count);
    throw error;
  };

/** Delivers what is left, then waits for live events that never come until the subscription is closed. */
const deliverThenWaitLive: Attempt = async function* (log, { signal }) {
  yield* log;
  await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
};

async function take(subscription: ResubscribingSubscription, count: number): Promise<RecordedEvent[]> {
  const received: RecordedEvent[] = [];
  for await (const event of subscription) {
    received.push(event);
    if (received.length === count) break;
  }
  return received;
}

const unavailable = () => new UnavailableError(undefined, 'connection dropped');
const ids = (events: readonly RecordedEvent[]) => events.map((event) => event.data);

describe('ResubscribingSubscription', () => {
  it('resubscribes after a transient drop from the last position it yielded, skipping and repeating nothing', async () => {
    const source = scriptedSource([deliverThenFail(2, unavailable()), deliverThenWaitLive]);
    const dependencies = fakeDependencies();
    const subscription = new ResubscribingSubscription(source, { policy, dependencies });

    expect(ids(await take(subscription, 5))).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }, { n: 5 }]);
    expect(source.requests.map((request) => request.after)).toEqual([undefined, LOG[1]!.position]);
    expect(dependencies.sleeps).toEqual([50]);
  });

  it('starts after the given position and resumes after "consumer too slow"', async () => {
    const start: Position = LOG[0]!.position;
    const source = scriptedSource([
      deliverThenFail(1, new TimeoutError(undefined, 'Consumer too slow')),
      deliverThenWaitLive,
    ]);
    const subscription = new ResubscribingSubscription(source, {
      after: start,
      policy,
      dependencies: fakeDependencies(),
    });

    expect(ids(await take(subscription, 4))).toEqual([{ n: 2 }, { n: 3 }, { n: 4 }, { n: 5 }]);
    expect(source.requests.map((request) => request.after)).toEqual([start, LOG[1]!.position]);
  });

  it('treats a subscription the server ends by itself as a drop', async () => {
    const endsEarly: Attempt = async function* (log) {
      yield* log.slice(0, 3);
    };
    const source = scriptedSource([endsEarly, deliverThenWaitLive]);
    const subscription = new ResubscribingSubscription(source, { policy, dependencies: fakeDependencies() });

    expect(ids(await take(subscription, 5))).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }, { n: 5 }]);
    expect(source.requests[1]!.after).toEqual(LOG[2]!.position);
  });

  it('ends with the error, unretried, when the failure is not transient', async () => {
    const denied = new AccessDeniedError(undefined, 'access denied');
    const source = scriptedSource([deliverThenFail(1, denied)]);
    const subscription = new ResubscribingSubscription(source, { policy, dependencies: fakeDependencies() });

    const error = await take(subscription, 5).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EventStoreAccessDeniedError);
    expect((error as Error).cause).toBe(denied);
    expect(source.requests).toHaveLength(1);
  });

  it('gives up with EventStoreUnavailableError after maxAttempts failures in a row', async () => {
    const source = scriptedSource([
      deliverThenFail(0, unavailable()),
      deliverThenFail(0, unavailable()),
      deliverThenFail(0, unavailable()),
    ]);
    const dependencies = fakeDependencies();
    const subscription = new ResubscribingSubscription(source, { policy, dependencies });

    await expect(take(subscription, 1)).rejects.toBeInstanceOf(EventStoreUnavailableError);
    expect(source.requests).toHaveLength(3);
    expect(dependencies.sleeps).toEqual([50, 100]);
  });

  it('counts failures afresh once events flow or the server confirms again, while the wait keeps growing', async () => {
    const confirmThenFail: Attempt = async function* (_, { confirmed }) {
      confirmed();
      throw unavailable();
    };
    const source = scriptedSource([
      deliverThenFail(0, unavailable()),
      deliverThenFail(1, unavailable()),
      deliverThenFail(0, unavailable()),
      confirmThenFail,
      deliverThenFail(0, unavailable()),
      deliverThenWaitLive,
    ]);
    const dependencies = fakeDependencies();
    const subscription = new ResubscribingSubscription(source, { policy, dependencies });

    expect(ids(await take(subscription, 5))).toHaveLength(5);
    expect(source.requests).toHaveLength(6);
    expect(dependencies.sleeps).toEqual([50, 100, 200, 400, 500]);
  });

  it('waits the shortest time again after a subscription that held for maxDelayMs', async () => {
    let clock = 0;
    const holdThenFail: Attempt = async function* (log) {
      yield* log.slice(0, 1);
      clock += policy.maxDelayMs;
      throw unavailable();
    };
    const source = scriptedSource([
      deliverThenFail(1, unavailable()),
      deliverThenFail(1, unavailable()),
      holdThenFail,
      deliverThenWaitLive,
    ]);
    const dependencies = fakeDependencies(() => clock);
    const subscription = new ResubscribingSubscription(source, { policy, dependencies });

    expect(ids(await take(subscription, 5))).toHaveLength(5);
    expect(dependencies.sleeps).toEqual([50, 100, 50]);
  });

  it('ends iteration cleanly when closed while waiting for live events, and aborts the source', async () => {
    const source = scriptedSource([deliverThenWaitLive]);
    const subscription = new ResubscribingSubscription(source, { policy, dependencies: fakeDependencies() });
    const received: RecordedEvent[] = [];
    const iteration = (async () => {
      for await (const event of subscription) {
        received.push(event);
        if (received.length === LOG.length) setImmediate(() => void subscription.close());
      }
    })();

    await expect(iteration).resolves.toBeUndefined();
    expect(received).toHaveLength(LOG.length);
    expect(source.requests[0]!.signal.aborted).toBe(true);
  });

  it('ends iteration cleanly when closed during the backoff', async () => {
    const source = scriptedSource([deliverThenFail(0, unavailable())]);
    let subscription: ResubscribingSubscription | undefined;
    const dependencies: RetryDependencies = {
      random: () => 0,
      sleep: (_, signal) => {
        setImmediate(() => void subscription!.close());
        return new Promise((resolve) => signal!.addEventListener('abort', () => resolve(), { once: true }));
      },
    };
    subscription = new ResubscribingSubscription(source, { policy, dependencies });

    await expect(take(subscription, 1)).resolves.toEqual([]);
    expect(source.requests).toHaveLength(1);
  });
});
