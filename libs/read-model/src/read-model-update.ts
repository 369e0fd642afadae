import type { RecordKind } from '#events';

/** The PostgreSQL channel on which projections announce committed read-model updates. */
export const READ_MODEL_CHANNEL = 'itsm_read_model_changed';

export interface UpdatedRecord {
  readonly kind: RecordKind;
  readonly tenant: string;
  readonly id: string;
  /** The record's version once the announced batch was committed (its last event's revision). */
  readonly version: string;
}

/** One notification: a projection committed up to `position` (an encoded position token). */
export interface ReadModelUpdate {
  readonly projection: string;
  readonly position: string;
  readonly records: readonly UpdatedRecord[];
}
