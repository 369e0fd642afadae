import { Logger } from '@nestjs/common';
import type pg from 'pg';
import {
  EventStoreUnavailableError,
  ForeignEventError,
  describeStore,
  encodePosition,
  encodePositionToken,
  isAfter,
  isPostgresUnavailable,
  sameStore,
  type EventStore,
  type LogFilter,
  type Position,
  type RecordedEvent,
  type StoreIdentity,
} from '#event-store';
import { RECORD_STREAM_PREFIXES } from '#events';
import {
  READ_MODEL_CHANNEL,
  advanceCheckpoint,
  inTransaction,
  loadCheckpoint,
  searchFirstIn,
  type UpdatedRecord,
  type ReadModelUpdate,
  type Projection,
} from '#read-model';
import { BatchQueue } from './batch-queue.js';
import type { ProjectionStatus } from './projection-status.js';
import { abortableDelay } from './abortable-delay.js';

export interface ProjectionRunnerOptions {
  readonly maxBatch?: number;
  /** How often an idle runner checks that its checkpoint was not reset by a rebuild. */
  readonly checkpointCheckMs?: number;
  readonly retryDelayMs?: number;
  /** The pause before looking again while stopped by a foreign event or a store mismatch. */
  readonly blockedRetryMs?: number;
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

/** What projections follow: record streams only, filtered by the store, so other writers' streams never reach them. */
export const PROJECTED_LOG: LogFilter = { streamPrefixes: RECORD_STREAM_PREFIXES };

/**
 * PostgreSQL rejects NOTIFY payloads of 8000 bytes or more; a record takes at most ~171 bytes
 * (a 64-character tenant, a UUID, a 19-digit version).
 */
const MAX_NOTIFY_RECORDS = 40;

/** A checkpoint moved under the runner (rebuild, or another runner): start over from it. */
class CheckpointMovedError extends Error {}

/** The checkpoint belongs to another event store than the one configured: resuming would be meaningless. */
export class CheckpointStoreMismatchError extends Error {
  constructor(projection: string, checkpointStore: StoreIdentity, current: StoreIdentity) {
    super(
      `The checkpoint of ${projection} belongs to ${describeStore(checkpointStore)}, but EVENT_STORE_URL names ` +
        `${describeStore(current)}. Point EVENT_STORE_URL back, or run \`projector rebuild ${projection}\` to ` +
        'replay the read model from this store.',
    );
    this.name = 'CheckpointStoreMismatchError';
  }
}

/**
 * Runs one projection: subscribes after its checkpoint, applies batches, and commits each batch's
 * read-model writes, checkpoint and update notification in one transaction. On any failure it
 * starts over from the stored checkpoint, so nothing is applied twice or skipped. An event the
 * product did not write stops it, after everything before that event is committed, until an
 * operator skips the event; so does a checkpoint of another store.
 */
export class ProjectionRunner {
  private readonly logger: Logger;
  private readonly maxBatch: number;
  private position: Position | undefined;
  private store: StoreIdentity | undefined;
  private lastError: string | undefined;
  private blockedAt: string | undefined;
  private reportedBlock: string | undefined;
  private eventsApplied = 0;
  private committing = false;
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

  private async runOnce(outer: AbortSignal): Promise<void> {
    const attempt = new AbortController();
    const signal = AbortSignal.any([outer, attempt.signal]);
    this.store = await this.eventStore.identity();
    const checkpoint = await loadCheckpoint(this.pool, this.checkpoint);
    if (checkpoint?.store && !sameStore(checkpoint.store, this.store)) {
      throw new CheckpointStoreMismatchError(this.checkpoint, checkpoint.store, this.store);
    }
    this.position = checkpoint?.position;
    if (this.hasReachedTarget()) return;
    const subscription = this.eventStore.subscribeToAll({ after: this.position, filter: PROJECTED_LOG });
    const queue = new BatchQueue<RecordedEvent>(this.maxBatch * 4);
    let pumpError: unknown;
    const pump = (async () => {
      try {
        for await (const event of subscription) await queue.push(event, signal);
      } catch (error) {
        pumpError = error;
      } finally {
        // Everything before a foreign event is committed first, so the checkpoint lands right
        // before it and skipping it skips nothing else.
        if (pumpError instanceof ForeignEventError) queue.end();
        else attempt.abort();
      }
    })();
    const watchdog = setInterval(() => void this.checkCheckpoint(attempt), this.options.checkpointCheckMs ?? 5_000);
    try {
      while (!signal.aborted && !queue.drained) {
        const batch = await queue.take(this.maxBatch, signal);
        if (batch.length > 0 && (await this.extendToWholeCommit(batch, queue, signal))) await this.commitBatch(batch);
        if (this.hasReachedTarget()) break;
      }
    } finally {
      clearInterval(watchdog);
      attempt.abort();
      await subscription.close();
      await pump;
    }
    if (pumpError) throw pumpError;
  }

  /**
   * Takes the rest of the batch's last commit into the batch. The events one command appends
   * share a commit; a batch ending between two of them would commit, and announce, a record in
   * a state no command produced (an incident assigned but still NEW). False when stopped.
   */
  private async extendToWholeCommit(
    batch: RecordedEvent[],
    queue: BatchQueue<RecordedEvent>,
    signal: AbortSignal,
  ): Promise<boolean> {
    for (;;) {
      const last = batch[batch.length - 1]!;
      const next = queue.peek();
      const continues = next ? next.position.commit === last.position.commit : await this.commitContinuesAfter(last);
      if (!continues) return true;
      const more = await queue.take(1, signal);
      if (more.length === 0) return false;
      batch.push(...more);
    }
  }

  /**
   * Whether the log holds another event of the same commit after this one. A foreign event next
   * is not part of it: the product writes every event of a commit with its envelope.
   */
  private async commitContinuesAfter(event: RecordedEvent): Promise<boolean> {
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

  private async commitBatch(batch: readonly RecordedEvent[]): Promise<void> {
    const last = batch[batch.length - 1]!.position;
    const store = this.store!;
    this.committing = true;
    try {
      await inTransaction(this.pool, async (tx) => {
        const { rebuild } = this.options;
        if (rebuild) await searchFirstIn(tx, rebuild.schema);
        const changed = await this.projection.applyBatch(batch, tx);
        if (!(await advanceCheckpoint(tx, this.checkpoint, this.position, last, store))) {
          throw new CheckpointMovedError(`Checkpoint of ${this.checkpoint} moved; starting over from it`);
        }
        // Nobody reads a rebuild's tables until they are swapped in.
        if (!rebuild) await this.notify(tx, last, changed);
      });
      this.position = last;
      this.eventsApplied += batch.length;
      this.lastError = undefined;
      this.blockedAt = undefined;
    } finally {
      this.committing = false;
    }
  }

  /** Queued inside the transaction, so listeners hear of updates only once they are committed. */
  private async notify(tx: pg.PoolClient, position: Position, records: readonly UpdatedRecord[]): Promise<void> {
    const token = encodePosition(position);
    const chunks: UpdatedRecord[][] = [];
    for (let start = 0; start < records.length; start += MAX_NOTIFY_RECORDS) {
      chunks.push(records.slice(start, start + MAX_NOTIFY_RECORDS));
    }
    if (chunks.length === 0) chunks.push([]);
    for (const chunk of chunks) {
      const update: ReadModelUpdate = { projection: this.projection.name, position: token, records: chunk };
      await tx.query('SELECT pg_notify($1, $2)', [READ_MODEL_CHANNEL, JSON.stringify(update)]);
    }
  }

  private async checkCheckpoint(attempt: AbortController): Promise<void> {
    if (this.committing) return;
    try {
      const stored = (await loadCheckpoint(this.pool, this.checkpoint))?.position;
      if (this.committing) return;
      const moved = stored?.commit !== this.position?.commit || stored?.prepare !== this.position?.prepare;
      if (moved) attempt.abort();
    } catch {
      // The next batch will meet the same failure and restart the runner.
    }
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
