import {
  ForeignEventError,
  isAfter,
  type EventStore,
  type LogFilter,
  type LogSubscription,
  type Position,
  type RecordedEvent,
} from '#event-store';
import { RECORD_STREAM_PREFIXES } from '#events';
import { BatchQueue } from './batch-queue.js';

/** What followers read: record streams only, filtered by the store, so other writers' streams never reach them. */
export const PROJECTED_LOG: LogFilter = { streamPrefixes: RECORD_STREAM_PREFIXES };

/** The events of one append, which share a commit: followers are handed them together or not at all. */
export type Commit = readonly RecordedEvent[];

/** Where a reader hands commits to one follower. */
export interface FollowerInbox {
  /** Resolves once the commit is queued; may wait while the follower is behind. */
  deliver(commit: Commit, signal: AbortSignal): Promise<void>;
  /** The reader stopped: the follower gets what was delivered, then this error. */
  end(error: unknown): void;
}

/**
 * One subscription to the global log, handing each whole commit to every follower that joined
 * it. A process runs one for all its live followers, so the log is read, and each event decoded,
 * once however many follow it; a follower catching up from far behind runs one of its own until
 * it is level with the shared one. The subscription starts with the first follower to join and
 * stops when the last one leaves. If it fails, every follower is ended with the failure and
 * starts over from its own checkpoint; the first to come back starts it again.
 */
export class LogReader {
  private run: ReaderRun | undefined;

  constructor(
    private readonly eventStore: EventStore,
    private readonly maxQueued = 4_000,
  ) {}

  /**
   * Hands this follower every commit after `after` from now on; false (and nothing joined) when
   * the reader is already past `after`, since the commits in between would never reach it.
   */
  join(inbox: FollowerInbox, after: Position | undefined): boolean {
    if (!this.isLevelWith(after)) return false;
    if (!this.run?.live) this.run = new ReaderRun(this.eventStore, after, this.maxQueued);
    this.run.inboxes.add(inbox);
    return true;
  }

  /**
   * Joins a running reader wherever it is: the follower gets every commit after the returned
   * position, and reads what lies between its own position and that one itself. Undefined (and
   * nothing joined) when the reader is not running.
   */
  joinWhereItIs(inbox: FollowerInbox): { readonly after: Position | undefined } | undefined {
    if (!this.run?.live) return undefined;
    this.run.inboxes.add(inbox);
    return { after: this.run.handedThrough };
  }

  /** Whether its subscription is running, started by a follower that joined. */
  get running(): boolean {
    return this.run?.live === true;
  }

  /** Whether a follower at `position` could join now: the reader is not past it. */
  private isLevelWith(position: Position | undefined): boolean {
    const through = this.run?.live ? this.run.handedThrough : undefined;
    return !through || (position !== undefined && !isAfter(through, position));
  }

  leave(inbox: FollowerInbox): void {
    const run = this.run;
    if (!run?.inboxes.delete(inbox) || run.inboxes.size > 0) return;
    this.run = undefined;
    void run.stop();
  }

  async stop(): Promise<void> {
    const run = this.run;
    this.run = undefined;
    await run?.stop();
  }
}

/** One subscription of a reader, from its start to its end; a new one starts from scratch. */
class ReaderRun {
  readonly inboxes = new Set<FollowerInbox>();
  /**
   * Every commit up to here has been handed, or is being handed, to every follower joined before
   * it moved. Moved before a commit is handed out, so a follower that joins meanwhile, being
   * level with it, needs nothing of that commit.
   */
  handedThrough: Position | undefined;
  private readonly halt = new AbortController();
  private readonly done: Promise<void>;
  private ended = false;

  constructor(
    private readonly eventStore: EventStore,
    after: Position | undefined,
    private readonly maxQueued: number,
  ) {
    this.handedThrough = after;
    const subscription = eventStore.subscribeToAll({ after, filter: PROJECTED_LOG });
    this.done = this.read(subscription, this.halt.signal).then(
      () => this.end(new Error('The subscription to the log ended')),
      (error: unknown) => this.end(error),
    );
  }

  get live(): boolean {
    return !this.ended;
  }

  async stop(): Promise<void> {
    this.ended = true;
    this.halt.abort();
    await this.done;
  }

  /** Whole commits, in order, to every joined follower; a commit is known whole once the next one starts. */
  private async read(subscription: LogSubscription, signal: AbortSignal): Promise<void> {
    const queue = new BatchQueue<RecordedEvent>(this.maxQueued);
    let pumpError: unknown;
    const pump = (async () => {
      try {
        for await (const event of subscription) await queue.push(event, signal);
      } catch (error) {
        pumpError = error;
      } finally {
        queue.end();
      }
    })();
    const closeOnAbort = () => void subscription.close();
    signal.addEventListener('abort', closeOnAbort, { once: true });
    try {
      let commit: RecordedEvent[] = [];
      while (!signal.aborted && !queue.drained) {
        for (const event of await queue.take(this.maxQueued, signal)) {
          if (commit.length > 0 && event.position.commit !== commit[0]!.position.commit) {
            await this.handOut(commit, signal);
            commit = [];
          }
          commit.push(event);
        }
        if (commit.length > 0 && !queue.peek() && !queue.drained && !(await this.commitContinues(subscription, commit.at(-1)!))) {
          await this.handOut(commit, signal);
          commit = [];
        }
      }
      // A foreign event ends the log as far as followers go: what precedes it is whole.
      if (pumpError instanceof ForeignEventError && commit.length > 0) await this.handOut(commit, signal);
    } finally {
      signal.removeEventListener('abort', closeOnAbort);
      await subscription.close();
      await pump;
    }
    if (pumpError && !signal.aborted) throw pumpError;
  }

  private async handOut(commit: Commit, signal: AbortSignal): Promise<void> {
    if (signal.aborted) return;
    this.handedThrough = commit.at(-1)!.position;
    for (const inbox of [...this.inboxes]) {
      if (signal.aborted) return;
      await inbox.deliver(commit, signal);
    }
  }

  /**
   * Whether the log holds another event of the same commit after this one, for when the
   * subscription has nothing more in hand: the subscription may know, or else the log is asked.
   * A foreign event next is not part of it: the product writes every event of a commit with its
   * envelope.
   */
  private async commitContinues(subscription: LogSubscription, event: RecordedEvent): Promise<boolean> {
    if (subscription.endsWholeCommit?.(event.position)) return false;
    try {
      for await (const following of this.eventStore.readAll({ fromPosition: event.position, maxCount: 2, filter: PROJECTED_LOG })) {
        if (isAfter(following.position, event.position)) return following.position.commit === event.position.commit;
      }
    } catch (error) {
      if (error instanceof ForeignEventError) return false;
      throw error;
    }
    return false;
  }

  /** Ends every follower still joined, unless the run was stopped on purpose. */
  private end(error: unknown): void {
    if (this.ended) return;
    this.ended = true;
    for (const inbox of this.inboxes) inbox.end(error);
    this.inboxes.clear();
  }
}
