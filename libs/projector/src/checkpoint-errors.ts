import { describeStore, type StoreIdentity } from '#event-store';

/** A checkpoint moved under the runner (rebuild, or another runner): start over from it. */
export class CheckpointMovedError extends Error {}

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
