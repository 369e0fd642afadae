import type pg from 'pg';
import type { RecordedEvent } from '#event-store';
import type { UpdatedRecord } from './read-model-update.js';

/**
 * A read model kept up to date from the global log. The runner hands it batches of events in
 * global order inside one transaction that also moves its checkpoint, so each event's effect is
 * committed exactly once.
 */
export interface Projection {
  /** Also the checkpoint key; renaming it replays the projection from the start. */
  readonly name: string;
  /** Applies a batch; returns the records whose read model changed, for live subscribers. */
  applyBatch(events: readonly RecordedEvent[], tx: pg.PoolClient): Promise<readonly UpdatedRecord[]>;
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
