import type pg from 'pg';
import {
  ForeignEventError,
  comparePositions,
  decodePositionToken,
  encodePositionToken,
  sameStore,
  type EventStore,
} from '#event-store';
import { advanceCheckpoint, inTransaction, loadCheckpoint } from '#read-model';
import { PROJECTED_LOG } from './log-reader.js';

export type SkipOutcome = { readonly skipped: true } | { readonly skipped: false; readonly reason: string };

/**
 * Moves a projection's checkpoint onto a foreign event, so its runner resumes after it. Only
 * that event is skipped: the checkpoint moves only when the event at the given position is
 * foreign and is the very next one the projection would read, so no product event is lost.
 * A runner blocked there notices within its retry pause.
 */
export async function skipForeignEvent(
  pool: pg.Pool,
  eventStore: EventStore,
  projection: string,
  token: string,
): Promise<SkipOutcome> {
  const store = await eventStore.identity();
  const target = decodePositionToken(token, store);
  return inTransaction(pool, async (tx) => {
    const checkpoint = await loadCheckpoint(tx, projection);
    if (checkpoint?.store && !sameStore(checkpoint.store, store)) {
      return { skipped: false, reason: `the checkpoint of ${projection} belongs to another event store; rebuild it instead` };
    }
    const from = checkpoint?.position;
    try {
      for await (const event of eventStore.readAll({ fromPosition: from, maxCount: 2, filter: PROJECTED_LOG })) {
        if (from && comparePositions(event.position, from) === 0) continue;
        return {
          skipped: false,
          reason: `the next event of ${projection} is ${encodePositionToken(event.position, store)}, a product event`,
        };
      }
      return { skipped: false, reason: `${projection} has read every event; there is nothing to skip` };
    } catch (error) {
      if (!(error instanceof ForeignEventError)) throw error;
      if (comparePositions(error.position, target) !== 0) {
        return {
          skipped: false,
          reason: `the next event of ${projection} is not at ${token}; the foreign event it stops at is ${encodePositionToken(error.position, store)}`,
        };
      }
      if (!(await advanceCheckpoint(tx, projection, from, target, store))) {
        return { skipped: false, reason: `the checkpoint of ${projection} moved meanwhile; try again` };
      }
      return { skipped: true };
    }
  });
}
