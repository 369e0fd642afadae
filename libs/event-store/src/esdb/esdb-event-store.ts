import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  START,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type AppendResult as EsdbAppendResult,
} from '@eventstore/db-client';
import { randomUUID } from 'node:crypto';
import {
  EventStoreUnavailableError,
  InvalidAppendError,
  StreamNotFoundError,
  WrongExpectedRevisionError,
} from '../event-store.errors.js';
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
import type { StoreIdentity } from '../store-identity.js';
import { toEsdbConnectionString } from './esdb-connection-string.js';
import { isAppendOutcomeUnknown, isAppendRetrySafe, mapEsdbError } from './esdb-errors.js';
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
   * The deadline the server gets for an append, and the longest wait for the next event of a
   * read or a subscription's confirmation. A timed-out call counts as the server being
   * unavailable.
   */
  readonly operationTimeoutMs?: number;
  /** Retries of appends (when safe) and of opening reads, on transient failures only. */
  readonly retry?: RetryPolicy;
  /** Resubscriptions after a subscription drops. */
  readonly resubscribe?: RetryPolicy;
  /** Sleeping, jitter and the clock, replaceable in tests. */
  readonly retryDependencies?: RetryDependencies;
  /** Events per `$all` read call; a filtered read asks for pages until it has what it needs. */
  readonly readAllPageSize?: number;
}

const DEFAULT_OPERATION_TIMEOUT_MS = 10_000;
/**
 * How long after the client's deadline our own timer gives up (at most the deadline again). The deadline travels to the
 * server, which then stops the call itself and the client reports it; our timer is only the
 * backstop for a call the client never completes (it can wait forever for a silent server).
 */
const DEADLINE_GRACE_MS = 2_000;
const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 4, initialDelayMs: 100, maxDelayMs: 2_000 };
const DEFAULT_RESUBSCRIBE: RetryPolicy = { maxAttempts: 10, initialDelayMs: 250, maxDelayMs: 10_000 };
const DEFAULT_READ_ALL_PAGE_SIZE = 500;

/**
 * Where the store's identity is kept. EventStoreDB has no id of its own for a database, so the
 * first process to need one writes it here, once (`no_stream` settles a race). The name starts
 * with no record kind's prefix, so no projection or record read ever meets it.
 */
export const ESDB_IDENTITY_STREAM = 'itsm-store-identity';
const IDENTITY_EVENT_TYPE = 'store.identity.v1';

/**
 * The event store port on EventStoreDB through `@eventstore/db-client`. Errors come out as the
 * port's errors (the client's error is their cause); transient failures are retried where that
 * is safe, and every call is bounded by a timeout. Appends and stream reads (the command path)
 * require the leader, so a client left on a follower after a failover is sent to the new leader
 * instead of loading stale streams. `close()` lets appends in flight finish, then disposes the
 * client, also one passed in.
 */
export class EsdbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  private readonly timeoutMs: number;
  private readonly retry: RetryPolicy;
  private readonly resubscribe: RetryPolicy;
  private readonly dependencies: RetryDependencies;
  private readonly pageSize: number;
  private readonly subscriptions = new Set<LogSubscription>();
  private readonly appendsInFlight = new Set<Promise<unknown>>();
  private closing = false;
  private knownIdentity: Promise<StoreIdentity> | undefined;

  constructor(connection: string | EventStoreDBClient, options: EsdbEventStoreOptions = {}) {
    this.client =
      typeof connection === 'string'
        ? EventStoreDBClient.connectionString(toEsdbConnectionString(connection))
        : connection;
    this.timeoutMs = options.operationTimeoutMs ?? DEFAULT_OPERATION_TIMEOUT_MS;
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.resubscribe = options.resubscribe ?? DEFAULT_RESUBSCRIBE;
    this.dependencies = options.retryDependencies ?? realRetryDependencies;
    this.pageSize = options.readAllPageSize ?? DEFAULT_READ_ALL_PAGE_SIZE;
  }

  async appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    { expectedRevision }: { readonly expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    if (this.closing) throw new EventStoreUnavailableError('The event store is closing');
    if (events.length === 0) throw new InvalidAppendError('An append needs at least one event');
    const append = this.append(streamId, events, expectedRevision);
    this.appendsInFlight.add(append);
    try {
      return await append;
    } finally {
      this.appendsInFlight.delete(append);
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
        requiresLeader: true,
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
   * Client 6.2.1 cannot filter `readAll` on the server, so the log is read in pages and filtered
   * here, and a read stops asking for pages once it has `maxCount` events. Visibility is decided
   * on the raw event, before conversion: the server's own events have no envelope to convert.
   */
  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    if (remaining <= 0) return;
    try {
      for await (const resolved of this.readAllFromInclusive(options.direction === 'backwards', options.fromPosition)) {
        if (!resolved.event || !isVisibleInLog(resolved.event, options.filter)) continue;
        const event = toRecordedEvent(resolved);
        if (!event) continue;
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

  async identity(): Promise<StoreIdentity> {
    this.knownIdentity ??= this.loadOrCreateIdentity().catch((error: unknown) => {
      this.knownIdentity = undefined;
      throw error;
    });
    return this.knownIdentity;
  }

  /** One raw event read backwards from the end, not converted: any event, or none, will do. */
  async ping(): Promise<void> {
    try {
      for await (const _ of this.readAllPage(true, undefined, 1)) break;
    } catch (error) {
      throw mapEsdbError(error);
    }
  }

  /** New appends are refused at once; those in flight get to finish (each is bounded by its timeout). */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.allSettled([...this.appendsInFlight]);
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.client.dispose();
  }

  private async append(
    streamId: string,
    events: readonly NewEvent[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    const eventData = events.map(toEsdbEventData);
    const options = {
      expectedRevision: toEsdbExpectedRevision(expectedRevision),
      requiresLeader: true,
      deadline: this.timeoutMs,
    };
    let outcomeUnknown = false;
    const attempt = async (): Promise<EsdbAppendResult> => {
      try {
        return await withTimeout(
          this.client.appendToStream(streamId, eventData, options),
          this.timeoutMs + Math.min(DEADLINE_GRACE_MS, this.timeoutMs),
          `Appending to "${streamId}"`,
        );
      } catch (error) {
        if (isAppendOutcomeUnknown(error)) outcomeUnknown = true;
        throw error;
      }
    };
    try {
      const result = await withRetry(attempt, {
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
      if (outcomeUnknown && error instanceof WrongExpectedVersionError) {
        const earlier = await this.earlierAttemptWritten(streamId, events, expectedRevision).catch(() => undefined);
        if (earlier) return earlier;
      }
      throw mapEsdbError(error, { streamId, expectedRevision });
    }
  }

  private async loadOrCreateIdentity(): Promise<StoreIdentity> {
    for (let attempt = 1; ; attempt += 1) {
      const existing = await this.readIdentity();
      if (existing) return existing;
      const instanceId = randomUUID();
      try {
        await this.appendToStream(
          ESDB_IDENTITY_STREAM,
          [
            {
              id: randomUUID(),
              type: IDENTITY_EVENT_TYPE,
              data: { instanceId },
              metadata: { actor: 'system', tenant: 'system', correlationId: instanceId, causationId: instanceId, origin: 'system' },
            },
          ],
          { expectedRevision: 'no_stream' },
        );
        return { kind: 'eventstoredb', instanceId };
      } catch (error) {
        // Another process set it up first: read what it wrote.
        if (!(error instanceof WrongExpectedRevisionError) || attempt > 1) throw error;
      }
    }
  }

  private async readIdentity(): Promise<StoreIdentity | undefined> {
    try {
      for await (const event of this.readStream(ESDB_IDENTITY_STREAM, { maxCount: 1 })) {
        const instanceId = (event.data as { instanceId?: unknown }).instanceId;
        if (typeof instanceId !== 'string') throw new Error(`"${ESDB_IDENTITY_STREAM}" holds no instanceId`);
        return { kind: 'eventstoredb', instanceId };
      }
      return undefined;
    } catch (error) {
      if (error instanceof StreamNotFoundError) return undefined;
      throw error;
    }
  }

  /**
   * After an attempt of unknown outcome, a retry that conflicts may be meeting the attempt's own
   * write. The events then sit right after the expected revision, with our ids in our order;
   * anything else there is a real conflict.
   */
  private async earlierAttemptWritten(
    streamId: string,
    events: readonly NewEvent[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult | undefined> {
    if (typeof expectedRevision !== 'bigint' && expectedRevision !== 'no_stream') return undefined;
    const first = expectedRevision === 'no_stream' ? 0n : expectedRevision + 1n;
    const found: RecordedEvent[] = [];
    for await (const event of this.readStream(streamId, { fromRevision: first, maxCount: events.length })) {
      found.push(event);
    }
    const same = found.length === events.length && found.every((event, index) => event.id === events[index]!.id);
    const last = found[found.length - 1];
    return same && last ? { nextExpectedRevision: last.revision, position: last.position } : undefined;
  }

  /**
   * The port's start position is inclusive both ways. Forwards, EventStoreDB agrees; backwards it
   * may begin before the position, so the event at the position is fetched with a one-event
   * forward read and the backward read keeps only what lies before it, whichever way the server
   * treats the boundary.
   */
  private async *readAllFromInclusive(
    backwards: boolean,
    from: Position | undefined,
  ): AsyncGenerator<AllStreamResolvedEvent> {
    if (!backwards || !from) {
      yield* this.readAllPages(backwards, from, undefined);
      return;
    }
    for await (const resolved of this.readAllPage(false, from, 1)) {
      if (comparePositions(positionOf(resolved), from) === 0) yield resolved;
    }
    yield* this.readAllPages(true, from, from);
  }

  /**
   * Reads `$all` a page at a time, each page starting where the last one ended. Only events
   * strictly beyond `bound` (in the read's direction) are yielded, so a page never repeats the
   * event it starts from.
   */
  private async *readAllPages(
    backwards: boolean,
    from: Position | undefined,
    bound: Position | undefined,
  ): AsyncGenerator<AllStreamResolvedEvent> {
    const beyond = (position: Position) =>
      !bound || (backwards ? comparePositions(position, bound) < 0 : comparePositions(position, bound) > 0);
    for (let start = from; ; ) {
      let read = 0;
      let last: Position | undefined;
      for await (const resolved of this.readAllPage(backwards, start, this.pageSize)) {
        read += 1;
        last = positionOf(resolved);
        if (beyond(last)) yield resolved;
      }
      if (read < this.pageSize || !last) return;
      start = last;
      bound = last;
    }
  }

  private readAllPage(
    backwards: boolean,
    from: Position | undefined,
    maxCount: number,
  ): AsyncGenerator<AllStreamResolvedEvent> {
    const open = () =>
      this.client.readAll({
        direction: backwards ? BACKWARDS : FORWARDS,
        fromPosition: from ?? (backwards ? END : START),
        maxCount,
      });
    return readWithRetry<AllStreamResolvedEvent>(open, this.readSettings('Reading $all'));
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

/** Every event of a `$all` read has a position on the servers the adapter supports (22.6+). */
function positionOf(resolved: AllStreamResolvedEvent): Position {
  const position = resolved.event?.position ?? resolved.link?.position;
  if (!position) throw new Error('EventStoreDB sent a $all event without its position; the adapter needs server 22.6 or newer');
  return toPosition(position);
}
