import type { Logger } from '@nestjs/common';
import type { EventStore, Position } from '#event-store';
import { PROJECTED_LOG } from './log-reader.js';

/** How often a follower far behind says how far it has come. */
const REPORT_EVERY_MS = 10_000;

/**
 * Progress of a follower replaying the log on its own (a rebuild, a new follower, one far
 * behind), logged every few seconds while it lasts: the share of the log passed and the time
 * left at the pace so far. The share compares `prepare` positions, which grow with the log in
 * both stores (an event sequence in PostgreSQL, a byte offset in EventStoreDB).
 */
export class CatchUpProgress {
  private readonly startedAt = Date.now();
  private reportedAt = Date.now();
  private head: Position | undefined;
  private asking = false;

  constructor(
    private readonly logger: Logger,
    private readonly eventStore: EventStore,
    private readonly from: Position | undefined,
  ) {}

  /** Notes how far the follower has come; logs when a report is due. Never fails the follower. */
  passed(at: Position): void {
    if (!this.head && !this.asking) {
      // The head as the replay begins is where it is heading.
      this.asking = true;
      void logHead(this.eventStore).then((head) => (this.head = head), () => (this.asking = false));
    }
    if (!this.head || Date.now() - this.reportedAt < REPORT_EVERY_MS) return;
    this.reportedAt = Date.now();
    const start = this.from?.prepare ?? 0n;
    if (this.head.prepare <= start) return;
    const done = Math.min(1, Number(((at.prepare - start) * 10_000n) / (this.head.prepare - start)) / 10_000);
    const seconds = (Date.now() - this.startedAt) / 1000;
    const left = done > 0 ? Math.round((seconds * (1 - done)) / done) : undefined;
    this.logger.log(`Catching up: ${(done * 100).toFixed(1)} % of the log passed in ${Math.round(seconds)} s${left === undefined ? '' : `, about ${left} s left`}`);
  }
}

/** The last event a follower reads now: where a replay begun now ends. */
export async function logHead(eventStore: EventStore): Promise<Position | undefined> {
  for await (const event of eventStore.readAll({ direction: 'backwards', maxCount: 1, filter: PROJECTED_LOG })) {
    return event.position;
  }
  return undefined;
}
