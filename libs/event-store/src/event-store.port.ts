import type { EventMetadata } from '#events';
import type { ExpectedRevision } from './expected-revision.js';
import type { Position } from './position.js';
import type { StoreIdentity } from './store-identity.js';

export interface NewEvent {
  /** A UUID; appending an event id that is already in the stream at that place is a no-op. */
  readonly id: string;
  /** The stored, versioned name (`incident.opened.v1`). */
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
}

export interface RecordedEvent extends NewEvent {
  readonly streamId: string;
  readonly revision: bigint;
  /** The events of one append share `position.commit` (as in EventStoreDB), and only they do. */
  readonly position: Position;
  readonly created: Date;
}

export interface AppendResult {
  /** The revision of the last event written: the `expectedRevision` for the next append. */
  readonly nextExpectedRevision: bigint;
  /** The global position of the last event written. */
  readonly position: Position;
}

export type Direction = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  readonly direction?: Direction;
  /** Inclusive; defaults to the first event forwards and the last event backwards. */
  readonly fromRevision?: bigint;
  readonly maxCount?: number;
}

/** EventStoreDB filters by one thing at a time: stream name or event type, each by prefixes. */
export type LogFilter =
  | { readonly streamPrefixes: readonly string[] }
  | { readonly eventTypePrefixes: readonly string[] };

export interface ReadAllOptions {
  readonly direction?: Direction;
  /** Inclusive; defaults to the start forwards and the end backwards. */
  readonly fromPosition?: Position;
  readonly maxCount?: number;
  readonly filter?: LogFilter;
}

export interface SubscribeOptions {
  /** Exclusive: the subscription yields events after this position; from the start if absent. */
  readonly after?: Position;
  readonly filter?: LogFilter;
}

/**
 * A catch-up subscription: it reads history from its start, then turns live. Iteration ends
 * when `close` is called; an error ends it with that error.
 */
export interface LogSubscription extends AsyncIterable<RecordedEvent> {
  close(): Promise<void>;
  /**
   * True when the subscription knows that the event it yielded at `position` is the last of its
   * commit (it had read everything visible when it yielded it); false when it cannot tell, and
   * a reader that needs to know looks in the log.
   */
  endsWholeCommit?(position: Position): boolean;
}

/**
 * The event store port. Semantics follow EventStoreDB: optimistic concurrency on stream
 * revisions, a single global order in which a stream's events keep their own order, and a
 * subscription that never skips an event the global order holds.
 */
export interface EventStore {
  appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    options: { readonly expectedRevision: ExpectedRevision },
  ): Promise<AppendResult>;

  /** Throws `StreamNotFoundError` (while iterating) when the stream has no events. */
  readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;

  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;

  subscribeToAll(options?: SubscribeOptions): LogSubscription;

  /** Which store this is; set up on first use when the store has none yet, then remembered. */
  identity(): Promise<StoreIdentity>;

  /** Resolves when the store answers; reads no event, so nothing in the log can fail it. */
  ping(): Promise<void>;

  close(): Promise<void>;
}
