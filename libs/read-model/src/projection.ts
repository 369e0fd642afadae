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
