import { Logger } from '@nestjs/common';
import type pg from 'pg';
import type { EventStore } from '#event-store';
import {
  needsRebuild,
  prepareRebuild,
  rebuildCheckpointOf,
  rebuildSchemaOf,
  swapInRebuild,
  type VersionedProjection,
} from '#read-model';
import { logHead } from './catch-up-progress.js';
import { ProjectionRunner } from './projection-runner.js';

/**
 * Brings a projection's tables to its version when another one is live: replays the log into
 * new tables beside the old, which keep serving meanwhile, up to the head of the log as it was
 * when the rebuild began, then swaps them in. The live runner goes on from there. Interrupted,
 * it resumes from its own checkpoint at the next start. `onRunner` learns of the rebuild's
 * runner, for health.
 */
export async function rebuildBesideIfOutdated(
  projection: VersionedProjection,
  eventStore: EventStore,
  pool: pg.Pool,
  signal: AbortSignal,
  onRunner: (runner: ProjectionRunner | undefined) => void,
): Promise<void> {
  if (!(await needsRebuild(pool, projection))) return;
  const logger = new Logger(`Projection ${projection.name}`);
  logger.log(`Rebuilding version ${projection.version} beside the live tables, which serve until it has caught up`);
  await prepareRebuild(pool, projection);
  const until = await logHead(eventStore);
  if (until) {
    const schema = rebuildSchemaOf(projection);
    const runner = new ProjectionRunner(projection, eventStore, pool, {
      rebuild: { schema, checkpoint: rebuildCheckpointOf(projection), until },
    });
    onRunner(runner);
    try {
      await runner.run(signal);
    } finally {
      onRunner(undefined);
    }
    if (signal.aborted) return;
  }
  await swapInRebuild(pool, projection);
  logger.log(`Version ${projection.version} caught up and swapped in`);
}
