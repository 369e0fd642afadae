import { Inject, Injectable, Optional } from '@nestjs/common';
import type pg from 'pg';
import type { AppConfig } from '#config';
import { APP_CONFIG, EVENT_STORE, QUERY_EVENT_STORE, READ_MODEL_POOL } from '#infrastructure';
import {
  decodePosition,
  decodePositionToken,
  encodePositionToken,
  isAfter,
  sameStore,
  type EventStore,
  type Position,
  type StoreIdentity,
} from '#event-store';
import { nothingFollowedBetween, PROJECTION_STATUS, type ProjectionStatusSource } from '#projector';
import { loadCheckpoint, projectionsFor, type FollowedEvents } from '#read-model';
import { ApiError } from '../errors/api-error.js';
import { ReadModelUpdateFeed } from './read-model-update-feed.js';

/** Re-reads checkpoints this often while waiting, in case a notification was missed. */
const RECHECK_MS = 250;

/**
 * Read-your-writes: waits until a projection has committed up to a position a mutation returned,
 * bounded by a timeout after which the caller gets CONSISTENCY_TIMEOUT instead of stale data.
 * A projection has reached a position when its runner in this process says so, when its
 * checkpoint is there, or when nothing it follows lies between its checkpoint and the position
 * (checkpoints pass ignored events lazily). Tokens name the event store they came from: one of
 * another store is refused (it would be compared with positions it has nothing to do with), and
 * so is a checkpoint of another store.
 */
@Injectable()
export class ConsistencyService {
  private readonly follows: ReadonlyMap<string, FollowedEvents>;

  constructor(
    @Inject(READ_MODEL_POOL) private readonly pool: pg.Pool,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    /** For looking through the log on a request's behalf, on the requests' own connections. */
    @Inject(QUERY_EVENT_STORE) private readonly logReads: EventStore,
    private readonly feed: ReadModelUpdateFeed,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'consistencyTimeoutMs' | 'incidentAutoCloseDays'>,
    @Optional() @Inject(PROJECTION_STATUS) private readonly local?: ProjectionStatusSource,
  ) {
    this.follows = new Map(projectionsFor(config).map((projection) => [projection.name, projection.follows]));
  }

  async waitFor(token: string | undefined, projection: string): Promise<void> {
    const timeoutMs = this.config.consistencyTimeoutMs;
    if (!token) return;
    const store = await this.eventStore.identity();
    const target = decodePositionToken(token, store);
    await new Promise<void>((resolve, reject) => {
      const finish = (error?: ApiError) => {
        stopListening();
        clearInterval(recheck);
        clearTimeout(timeout);
        if (error) reject(error);
        else resolve();
      };
      const check = () => this.reached(projection, target, store).then((done) => done && finish(), () => undefined);
      // Listening before the first look, so a notification committed meanwhile is not missed.
      // Notifications come from projectors writing checkpoints; one of another store is refused
      // by the check, which reads the checkpoint's store.
      const stopListening = this.feed.onUpdate((update) => {
        if (update.projection === projection && !isAfter(target, decodePosition(update.position))) void check();
      });
      const recheck = setInterval(check, RECHECK_MS);
      const timeout = setTimeout(
        () =>
          finish(
            new ApiError(
              'CONSISTENCY_TIMEOUT',
              `Read models did not reach ${encodePositionToken(target, store)} in ${timeoutMs} ms`,
              { field: 'consistentWith' },
            ),
          ),
        timeoutMs,
      );
      this.reached(projection, target, store).then(
        (done) => done && finish(),
        (error: unknown) => {
          stopListening();
          clearInterval(recheck);
          clearTimeout(timeout);
          reject(error);
        },
      );
    });
  }

  private async reached(projection: string, target: Position, store: StoreIdentity): Promise<boolean> {
    if (this.local?.hasPassed(projection, target)) return true;
    const checkpoint = await loadCheckpoint(this.pool, projection);
    if (checkpoint?.store && !sameStore(checkpoint.store, store)) return false;
    if (checkpoint && !isAfter(target, checkpoint.position)) return true;
    const follows = this.follows.get(projection);
    // A log that cannot be read now (a foreign event, the store down) decides nothing yet.
    return follows !== undefined && nothingFollowedBetween(this.logReads, follows, checkpoint?.position, target).catch(() => false);
  }
}
