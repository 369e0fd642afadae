import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import type { AppConfig } from '#config';
import { APP_CONFIG, READ_MODEL_POOL } from '#infrastructure';
import { decodePosition, encodePosition, isAfter, type Position } from '#event-store';
import { loadCheckpoint } from '#read-model';
import { ApiError } from '../errors/api-error.js';
import { ReadModelChangeFeed } from './read-model-change-feed.js';

/** Re-reads checkpoints this often while waiting, in case a notification was missed. */
const RECHECK_MS = 250;

/**
 * Read-your-writes: waits until a projection has committed up to a position a mutation returned,
 * bounded by a timeout after which the caller gets CONSISTENCY_TIMEOUT instead of stale data.
 */
@Injectable()
export class ConsistencyService {
  constructor(
    @Inject(READ_MODEL_POOL) private readonly pool: pg.Pool,
    private readonly feed: ReadModelChangeFeed,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'consistencyTimeoutMs'>,
  ) {}

  async waitFor(token: string | undefined, projection: string): Promise<void> {
    const timeoutMs = this.config.consistencyTimeoutMs;
    if (!token) return;
    const target = decodePosition(token);
    if (await this.reached(projection, target)) return;
    await new Promise<void>((resolve, reject) => {
      const finish = (error?: ApiError) => {
        stopListening();
        clearInterval(recheck);
        clearTimeout(timeout);
        if (error) reject(error);
        else resolve();
      };
      const stopListening = this.feed.onChange((change) => {
        if (change.projection === projection && !isAfter(target, decodePosition(change.position))) finish();
      });
      const recheck = setInterval(() => {
        this.reached(projection, target).then((done) => done && finish(), () => undefined);
      }, RECHECK_MS);
      const timeout = setTimeout(
        () =>
          finish(
            new ApiError('CONSISTENCY_TIMEOUT', `Read models did not reach ${encodePosition(target)} in ${timeoutMs} ms`, {
              field: 'consistentWith',
            }),
          ),
        timeoutMs,
      );
    });
  }

  private async reached(projection: string, target: Position): Promise<boolean> {
    const checkpoint = await loadCheckpoint(this.pool, projection);
    return checkpoint !== undefined && !isAfter(target, checkpoint);
  }
}
