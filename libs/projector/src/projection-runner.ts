import { Logger } from '@nestjs/common';
import type pg from 'pg';
import {
  EventStoreUnavailableError,
  ForeignEventError,
  encodePosition,
  encodePositionToken,
  isAfter,
  isPostgresUnavailable,
  sameStore,
  type EventStore,
  type Position,
  type RecordedEvent,
  type StoreIdentity,
} from '#event-store';
import {
  advanceCheckpoint,
  announceUpdate,
  followsEvent,
  inTransaction,
  loadCheckpoint,
  searchFirstIn,
  type UpdatedRecord,
  type Projection,
} from '#read-model';
import { CatchUpProgress, logHead } from './catch-up-progress.js';
import { CheckpointMovedError, CheckpointStoreMismatchError } from './checkpoint-errors.js';
import { FollowerQueue, type Stretch } from './follower-queue.js';
import { LogReader, PROJECTED_LOG } from './log-reader.js';
import type { ProjectionStatus } from './projection-status.js';
import { abortableDelay } from './abortable-delay.js';

export interface ProjectionRunnerOptions {
  /** Events per transaction, about: a batch never splits a commit. */
  readonly maxBatch?: number;
  /** How often a runner checks that its checkpoint was not reset by a rebuild. */
  readonly checkpointCheckMs?: number;
  /**
   * How long the checkpoint may stay behind events the follower passed over without writing
   * anything; `consistentWith` does not wait for it (see ConsistencyService).
   */
  readonly lazyCheckpointMs?: number;
  readonly retryDelayMs?: number;
  /** The pause before looking again while stopped by a foreign event or a store mismatch. */
  readonly blockedRetryMs?: number;
  /**
   * The process's shared reader of the log, which the runner joins once it is level with it;
   * until then, and without one, it reads the log on its own.
   */
  readonly reader?: LogReader;
  /** Fills a rebuild's tables instead of the live ones, and ends once it has reached `until`. */
  readonly rebuild?: RebuildTarget;
}

export interface RebuildTarget {
  /** The schema holding the rebuild's tables, searched before the live ones. */
  readonly schema: string;
  readonly checkpoint: string;
  /** The head of the log when the rebuild began. */
  readonly until: Position;
}

/** The most a follower reads from the log itself to close the gap to the process's reader. */
const MAX_GAP = 2_000;

/** How often a follower reading the log alone tries to join the running shared reader: each try reads the gap. */
const JOIN_RETRY_MS = 250;

/** How often a follower reading the log alone looks whether it has caught up. */
const CAUGHT_UP_LOOK_MS = 50;

/**
 * Runs one follower of the log: reads from its checkpoint, hands it the events it follows, and
 * commits each batch's writes, checkpoint and update notification in one transaction. Commits
 * with nothing it follows cost no transaction: the checkpoint passes them with the next write,
 * or after `lazyCheckpointMs`. On any failure it starts over from the stored checkpoint, so
 * nothing is applied twice or skipped. An event the product did not write stops it, after
 * everything before that event is committed, until an operator skips the event; so does a
 * checkpoint of another store.
 */
export class ProjectionRunner {
  private readonly logger: Logger;
  private readonly maxBatch: number;
  /** Everything it follows up to here is committed; the stored checkpoint may lag behind. */
  private position: Position | undefined;
  private stored: Position | undefined;
  /** Since when `position` has been ahead of `stored`. */
  private passedSince: number | undefined;
  private leading = false;
  private inbox: FollowerQueue | undefined;
  private store: StoreIdentity | undefined;
  private lastError: string | undefined;
  private blockedAt: string | undefined;
  private reportedBlock: string | undefined;
  private eventsApplied = 0;
  private readonly checkpoint: string;
  private reachedTarget = false;

  constructor(
    private readonly projection: Projection,
    private readonly eventStore: EventStore,
    private readonly pool: pg.Pool,
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    this.checkpoint = options.rebuild?.checkpoint ?? projection.name;
    this.logger = new Logger(`Projection ${this.checkpoint}`);
    this.maxBatch = options.maxBatch ?? 1000;
  }

  get name(): string {
    return this.checkpoint;
  }

  status(): ProjectionStatus {
    return {
      projection: this.checkpoint,
      position: this.position && this.token(this.position),
      eventsApplied: this.eventsApplied,
      lastError: this.lastError,
      blockedAt: this.blockedAt,
    };
  }

  /**
   * Whether this runner, leading now, has committed everything it follows up to `target`,
   * though its stored checkpoint may not show it yet.
   */
  hasPassed(target: Position): boolean {
    if (!this.leading) return false;
    const passable = this.inbox?.passableThrough;
    return [this.position, passable].some((position) => position !== undefined && !isAfter(target, position));
  }

  /**
   * Runs until the signal aborts (or a rebuild has reached its target), recovering from failures
   * with a pause in between.
   */
  async run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted && !this.reachedTarget) {
      try {
        await this.runOnce(signal);
      } catch (error) {
        if (signal.aborted) break;
        this.lastError = error instanceof Error ? error.message : String(error);
        const blocked = error instanceof ForeignEventError || error instanceof CheckpointStoreMismatchError;
        this.blockedAt = error instanceof ForeignEventError ? this.token(error.position) : undefined;
        if (blocked) this.reportBlock(error);
        // A store that is down (or stopping with the process) is expected now and then; any
        // other failure is a bug or bad data worth an error.
        else if (error instanceof EventStoreUnavailableError || isPostgresUnavailable(error)) this.logger.warn(`Store unavailable, retrying: ${this.lastError}`);
        else if (!(error instanceof CheckpointMovedError)) this.logger.error(`Restarting after failure: ${this.lastError}`);
        const pause = blocked ? (this.options.blockedRetryMs ?? 10_000) : (this.options.retryDelayMs ?? 1_000);
        await abortableDelay(pause, signal);
      }
    }
  }

  /** Once per cause: the runner looks again every few seconds, and the log should not fill with it. */
  private reportBlock(error: Error): void {
    if (this.reportedBlock === error.message) return;
    this.reportedBlock = error.message;
    const remedy =
      error instanceof ForeignEventError
        ? `; once you know it can be ignored, skip it with \`projector skip-foreign-event ${this.blockedAt} ${this.checkpoint}\``
        : '';
    this.logger.error(`Stopped: ${error.message}${remedy}`);
  }

  private async runOnce(signal: AbortSignal): Promise<void> {
    this.store = await this.eventStore.identity();
    const checkpoint = await loadCheckpoint(this.pool, this.checkpoint);
    if (checkpoint?.store && !sameStore(checkpoint.store, this.store)) {
      throw new CheckpointStoreMismatchError(this.checkpoint, checkpoint.store, this.store);
    }
    this.position = this.stored = checkpoint?.position;
    this.passedSince = undefined;
    if (this.hasReachedTarget()) return;
    await this.projection.afterCommit?.(signal);
    const shared = this.options.reader;
    const own = new LogReader(this.eventStore);
    let reader = own;
    let inbox = (this.inbox = this.newInbox());
    own.join(inbox, this.position);
    this.leading = true;
    let checkedAt = Date.now();
    let triedToJoinAt = 0;
    const progress = new CatchUpProgress(this.logger, this.eventStore, this.position);
    try {
      while (!signal.aborted) {
        const alone = reader === own && shared !== undefined;
        const waitMs = this.msUntilDue(checkedAt, alone);
        const stretches = await inbox.take(this.maxBatch, signal, { waitMs, passMs: this.lazyCheckpointMs });
        if (stretches.length > 0) {
          await this.apply(stretches, signal).finally(() => inbox.settled());
          if (reader === own) progress.passed(this.position!);
        }
        const ended = inbox.endedWith;
        if (ended) throw ended.error;
        if (this.hasReachedTarget()) {
          if (this.passedSince !== undefined) await this.flush();
          break;
        }
        if (this.flushDue()) await this.flush();
        if (Date.now() - checkedAt >= this.checkCheckpointMs) {
          await this.checkCheckpoint();
          checkedAt = Date.now();
        }
        // Leaves the log to the process's reader once nothing it follows waits: joining it where
        // it is, or starting it once this follower has reached the head of the log, so that
        // followers joining it are never held back by one far behind.
        const nothingWaiting = inbox.empty || inbox.passableThrough !== undefined;
        const mayTry = !shared?.running || Date.now() - triedToJoinAt >= JOIN_RETRY_MS;
        if (alone && nothingWaiting && mayTry) {
          this.passWhatWaits(inbox);
          if (shared.running) triedToJoinAt = Date.now();
          const joined = shared.running ? await this.joinRunning(shared, signal) : await this.startShared(shared);
          if (joined) {
            own.leave(inbox);
            inbox = this.inbox = joined;
            reader = shared;
          }
        }
      }
    } finally {
      this.leading = false;
      this.inbox = undefined;
      reader.leave(inbox);
      await own.stop();
    }
  }

  /** Starts the process's reader from here, once this follower is at the head of the log. */
  private async startShared(shared: LogReader): Promise<FollowerQueue | undefined> {
    const head = await logHead(this.eventStore);
    if (head && (!this.position || isAfter(head, this.position))) return undefined;
    const inbox = this.newInbox();
    return shared.join(inbox, this.position) ? inbox : undefined;
  }

  /** Moves over what waits in the inbox when none of it is to be applied. */
  private passWhatWaits(inbox: FollowerQueue): void {
    const passable = inbox.passableThrough;
    if (!passable || (this.position && !isAfter(passable, this.position))) return;
    this.position = passable;
    this.passedSince ??= Date.now();
  }

  /**
   * Joins the process's reader where it is, reading what lies between here and there from the
   * log first; unless that is more than a short gap, when it goes on reading alone.
   */
  private async joinRunning(shared: LogReader, signal: AbortSignal): Promise<FollowerQueue | undefined> {
    const inbox = this.newInbox();
    const joined = shared.joinWhereItIs(inbox);
    if (!joined) return undefined;
    const gap = joined.after && (!this.position || isAfter(joined.after, this.position)) ? await this.readGap(joined.after) : [];
    if (!gap) {
      shared.leave(inbox);
      return undefined;
    }
    if (gap.length > 0) await this.apply(gap, signal);
    return inbox;
  }

  /**
   * The commits after this follower's position up to `through` (an event the shared reader
   * handed out), as stretches; undefined when they are more than a short gap.
   */
  private async readGap(through: Position): Promise<Stretch[] | undefined> {
    const commits: RecordedEvent[][] = [];
    let read = 0;
    let reached = false;
    // One more than the gap may hold, and the event at the position itself, which reads include.
    for await (const event of this.eventStore.readAll({ fromPosition: this.position, maxCount: MAX_GAP + 2, filter: PROJECTED_LOG })) {
      if (this.position && !isAfter(event.position, this.position)) continue;
      if (isAfter(event.position, through) || (read += 1) > MAX_GAP) break;
      const last = commits.at(-1);
      if (last && last[0]!.position.commit === event.position.commit) last.push(event);
      else commits.push([event]);
      if (!isAfter(through, event.position)) {
        reached = true;
        break;
      }
    }
    if (!reached) return undefined;
    return commits.map((commit) => ({ events: commit.filter((event) => followsEvent(this.projection.follows, event)), through: commit.at(-1)!.position }));
  }

  private newInbox(): FollowerQueue {
    return new FollowerQueue(this.projection.follows, this.maxBatch * 4);
  }

  private get lazyCheckpointMs(): number {
    return this.options.lazyCheckpointMs ?? 1_000;
  }

  private get checkCheckpointMs(): number {
    return this.options.checkpointCheckMs ?? 10_000;
  }

  /**
   * How long a wait for the next batch may last: until the checkpoint is due to be flushed or
   * checked, and a few dozen milliseconds while reading alone, to see whether it has caught up.
   */
  private msUntilDue(checkedAt: number, alone: boolean): number {
    const flushIn = this.passedSince === undefined ? Number.POSITIVE_INFINITY : this.passedSince + this.lazyCheckpointMs - Date.now();
    const checkIn = checkedAt + this.checkCheckpointMs - Date.now();
    const lookIn = alone ? CAUGHT_UP_LOOK_MS : Number.POSITIVE_INFINITY;
    return Math.max(0, Math.min(flushIn, checkIn, lookIn));
  }

  private flushDue(): boolean {
    return this.passedSince !== undefined && Date.now() - this.passedSince >= this.lazyCheckpointMs;
  }

  /** Stretches already passed (a shared reader may start before this follower) are dropped. */
  private async apply(stretches: readonly Stretch[], signal: AbortSignal): Promise<void> {
    const fresh = stretches.filter((stretch) => !this.position || isAfter(stretch.through, this.position));
    if (fresh.length === 0) return;
    const last = fresh.at(-1)!.through;
    const followed = fresh.flatMap((stretch) => stretch.events);
    if (followed.length === 0) {
      this.position = last;
      this.passedSince ??= Date.now();
      return;
    }
    await this.commitBatch(followed, last);
    await this.projection.afterCommit?.(signal);
  }

  private async commitBatch(events: readonly RecordedEvent[], last: Position): Promise<void> {
    await this.inCheckpointedTransaction(last, (tx) => this.projection.applyBatch(events, tx));
    this.eventsApplied += events.length;
    this.lastError = undefined;
    this.blockedAt = undefined;
  }

  /** Moves the stored checkpoint up to what the follower passed over without writing. */
  private async flush(): Promise<void> {
    await this.inCheckpointedTransaction(this.position!, async () => []);
  }

  private async inCheckpointedTransaction(
    last: Position,
    work: (tx: pg.PoolClient) => Promise<readonly UpdatedRecord[]>,
  ): Promise<void> {
    const store = this.store!;
    await inTransaction(this.pool, async (tx) => {
      const { rebuild } = this.options;
      if (rebuild) await searchFirstIn(tx, rebuild.schema);
      const changed = await work(tx);
      if (!(await advanceCheckpoint(tx, this.checkpoint, this.stored, last, store))) {
        throw new CheckpointMovedError(`Checkpoint of ${this.checkpoint} moved; starting over from it`);
      }
      // Nobody reads a rebuild's tables until they are swapped in.
      if (!rebuild) await announceUpdate(tx, { projection: this.projection.name, position: last, records: changed });
    });
    this.position = this.stored = last;
    this.passedSince = undefined;
  }

  /** A rebuild elsewhere may have reset the checkpoint while this runner was idle. */
  private async checkCheckpoint(): Promise<void> {
    const stored = (await loadCheckpoint(this.pool, this.checkpoint))?.position;
    const moved = stored?.commit !== this.stored?.commit || stored?.prepare !== this.stored?.prepare;
    if (moved) throw new CheckpointMovedError(`Checkpoint of ${this.checkpoint} moved; starting over from it`);
  }

  private hasReachedTarget(): boolean {
    const until = this.options.rebuild?.until;
    this.reachedTarget ||= until !== undefined && this.position !== undefined && !isAfter(until, this.position);
    return this.reachedTarget;
  }

  /** Positions as clients and operators see them: tagged with the store once it is known. */
  private token(position: Position): string {
    return this.store ? encodePositionToken(position, this.store) : encodePosition(position);
  }
}
