import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  START,
  type AllStreamResolvedEvent,
} from '@eventstore/db-client';
import { InvalidAppendError } from '../event-store.errors.js';
import type {
  AppendResult,
  EventStore,
  LogSubscription,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
} from '../event-store.port.js';
import type { ExpectedRevision } from '../expected-revision.js';
import { comparePositions, type Position } from '../position.js';
import { toEsdbConnectionString } from './esdb-connection-string.js';
import { isAppendRetrySafe, mapEsdbError } from './esdb-errors.js';
import { toEsdbEventData, toPosition, toRecordedEvent } from './esdb-event-mapping.js';
import { toEsdbExpectedRevision } from './esdb-expected-revision.js';
import { isVisibleInLog } from './esdb-log-filter.js';
import { readWithRetry, type ReadSettings } from './esdb-read.js';
import { realRetryDependencies, withRetry, type RetryDependencies, type RetryPolicy } from './esdb-retry.js';
import { esdbSubscriptionSource } from './esdb-subscription-source.js';
import { withTimeout } from './esdb-timeout.js';
import { ResubscribingSubscription } from './resubscribing-subscription.js';

export interface EsdbEventStoreOptions {
  /**
   * The longest wait for any one answer: an append's result, the next event of a read, a
   * subscription's confirmation. A timed-out call counts as the server being unavailable.
   */
  readonly operationTimeoutMs?: number;
  /** Retries of appends (when safe) and of opening reads, on transient failures only. */
  readonly retry?: RetryPolicy;
  /** Resubscriptions after a subscription drops. */
  readonly resubscribe?: RetryPolicy;
  /** Sleeping and jitter, replaceable in tests. */
  readonly retryDependencies?: RetryDependencies;
}

const DEFAULT_OPERATION_TIMEOUT_MS = 10_000;
const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 4, initialDelayMs: 100, maxDelayMs: 2_000 };
const DEFAULT_RESUBSCRIBE: RetryPolicy = { maxAttempts: 10, initialDelayMs: 250, maxDelayMs: 10_000 };

/**
 * The event store port on EventStoreDB through `@eventstore/db-client`. Errors come out as the
 * port's errors; transient failures are retried where that is safe, and every call is bounded by
 * a timeout. `close()` disposes the client, also one passed in.
 */
export class EsdbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  private readonly timeoutMs: number;
  private readonly retry: RetryPolicy;
  private readonly resubscribe: RetryPolicy;
  private readonly dependencies: RetryDependencies;
  private readonly subscriptions = new Set<LogSubscription>();

  constructor(connection: string | EventStoreDBClient, options: EsdbEventStoreOptions = {}) {
    this.client =
      typeof connection === 'string'
        ? EventStoreDBClient.connectionString(toEsdbConnectionString(connection))
        : connection;
    this.timeoutMs = options.operationTimeoutMs ?? DEFAULT_OPERATION_TIMEOUT_MS;
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.resubscribe = options.resubscribe ?? DEFAULT_RESUBSCRIBE;
    this.dependencies = options.retryDependencies ?? realRetryDependencies;
  }

  async appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    { expectedRevision }: { readonly expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    if (events.length === 0) throw new InvalidAppendError('An append needs at least one event');
    const eventData = events.map(toEsdbEventData);
    const options = { expectedRevision: toEsdbExpectedRevision(expectedRevision) };
    try {
      const append = () => this.client.appendToStream(streamId, eventData, options);
      const result = await withRetry(() => withTimeout(append(), this.timeoutMs, `Appending to "${streamId}"`), {
        policy: this.retry,
        shouldRetry: (error) => isAppendRetrySafe(error, expectedRevision),
        dependencies: this.dependencies,
      });
      return {
        nextExpectedRevision: result.nextExpectedRevision,
        position: result.position
          ? toPosition(result.position)
          : await this.positionOf(streamId, result.nextExpectedRevision),
      };
    } catch (error) {
      throw mapEsdbError(error, { streamId, expectedRevision });
    }
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    if (options.maxCount !== undefined && options.maxCount <= 0) return;
    const backwards = options.direction === 'backwards';
    const open = () =>
      this.client.readStream(streamId, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision: options.fromRevision ?? (backwards ? END : START),
        ...(options.maxCount === undefined ? {} : { maxCount: options.maxCount }),
      });
    try {
      for await (const resolved of readWithRetry(open, this.readSettings(`Reading "${streamId}"`))) {
        const event = toRecordedEvent(resolved);
        if (event) yield event;
      }
    } catch (error) {
      throw mapEsdbError(error, { streamId });
    }
  }

  /**
   * Client 6.2.1 cannot filter `readAll` on the server, so filtering (and with it `maxCount`)
   * happens here while the read streams; subscriptions do filter on the server.
   */
  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    if (remaining <= 0) return;
    try {
      for await (const event of this.readAllFromInclusive(options.direction === 'backwards', options.fromPosition)) {
        if (!isVisibleInLog(event, options.filter)) continue;
        yield event;
        remaining -= 1;
        if (remaining === 0) return;
      }
    } catch (error) {
      throw mapEsdbError(error);
    }
  }

  subscribeToAll(options: SubscribeOptions = {}): LogSubscription {
    const source = esdbSubscriptionSource(this.client, {
      ...(options.filter ? { filter: options.filter } : {}),
      confirmTimeoutMs: this.timeoutMs,
    });
    const subscription = new ResubscribingSubscription(source, {
      ...(options.after ? { after: options.after } : {}),
      policy: this.resubscribe,
      dependencies: this.dependencies,
    });
    const tracked: LogSubscription = {
      [Symbol.asyncIterator]: () => subscription[Symbol.asyncIterator](),
      close: async () => {
        this.subscriptions.delete(tracked);
        await subscription.close();
      },
    };
    this.subscriptions.add(tracked);
    return tracked;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.client.dispose();
  }

  /**
   * The port's start position is inclusive both ways. Forwards, EventStoreDB agrees; backwards it
   * may begin before the position, so the event at the position is fetched with a one-event
   * forward read and the backward read keeps only what lies before it, whichever way the server
   * treats the boundary.
   */
  private async *readAllFromInclusive(backwards: boolean, from: Position | undefined): AsyncGenerator<RecordedEvent> {
    if (!backwards || !from) {
      yield* this.readAllRaw(backwards, from);
      return;
    }
    for await (const event of this.readAllRaw(false, from)) {
      if (comparePositions(event.position, from) === 0) yield event;
      break;
    }
    for await (const event of this.readAllRaw(true, from)) {
      if (comparePositions(event.position, from) < 0) yield event;
    }
  }

  private async *readAllRaw(backwards: boolean, from: Position | undefined): AsyncGenerator<RecordedEvent> {
    const open = () =>
      this.client.readAll({
        direction: backwards ? BACKWARDS : FORWARDS,
        fromPosition: from ?? (backwards ? END : START),
      });
    for await (const resolved of readWithRetry<AllStreamResolvedEvent>(open, this.readSettings('Reading $all'))) {
      const event = toRecordedEvent(resolved);
      if (event) yield event;
    }
  }

  /** Servers that report no position for an idempotent append still have the event to read. */
  private async positionOf(streamId: string, revision: bigint): Promise<Position> {
    for await (const event of this.readStream(streamId, {
      direction: 'backwards',
      fromRevision: revision,
      maxCount: 1,
    })) {
      return event.position;
    }
    throw new Error(`EventStoreDB reported revision ${revision} of "${streamId}" but it cannot be read`);
  }

  private readSettings(description: string): ReadSettings {
    return { description, timeoutMs: this.timeoutMs, policy: this.retry, dependencies: this.dependencies };
  }
}
