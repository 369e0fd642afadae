import type pg from 'pg';
import type { RecordedEvent } from '#event-store';
import type { FollowedEvents } from './followed-events.js';
import type { UpdatedRecord } from './read-model-update.js';

/**
 * A follower of the global log: a read model, or a reactor. The runner hands it batches of the
 * events it follows, in global order, inside one transaction that also moves its checkpoint, so
 * each event's effect is committed exactly once.
 */
export interface Projection {
  /** Also the checkpoint key; renaming it replays the projection from the start. */
  readonly name: string;
  /** What it reads; it is handed nothing else. */
  readonly follows: FollowedEvents;
  /**
   * Applies a batch (never empty; only followed events); returns the records whose read model
   * changed, for live subscribers.
   */
  applyBatch(events: readonly RecordedEvent[], tx: pg.PoolClient): Promise<readonly UpdatedRecord[]>;
  /**
   * Called once the follower leads, before its first batch, and after every committed batch:
   * work that must follow a commit and hold no transaction open (a reactor's effects). A failure
   * restarts the follower, which calls it again.
   */
  afterCommit?(signal: AbortSignal): Promise<void>;
  /** Empties the read model, before a replay from the start. */
  reset(tx: pg.PoolClient): Promise<void>;
}

/**
 * A projection that owns its tables and says which shape they have. A projector that finds
 * another version live builds this one beside it from the start of the log while the old tables
 * keep serving, then swaps the new ones in with one transaction (projection-tables.ts).
 */
export interface VersionedProjection extends Projection {
  /**
   * Change it whenever the tables or what is written into them change, including the version of
   * a decider whose state the rows keep.
   */
  readonly version: string;
  /** Every table it writes; all of them, and only them, are created by `createTables`. */
  readonly tables: readonly string[];
  /** DDL with unqualified names: a rebuild runs it in a schema of its own. */
  readonly createTables: string;
}
