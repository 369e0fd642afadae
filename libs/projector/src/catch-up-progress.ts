import type { Logger } from '@nestjs/common';
import type { EventStore, Position } from '#event-store';
import { PROJECTED_LOG } from './log-reader.js';

/** How often a follower far behind says how far it has come. */
const REPORT_EVERY_MS = 10_000;

/**
 * Progress of a follower replaying the log on its own (a rebuild, a new follower, one far
 * behind), logged every few seconds while it lasts: the share of the log read, events and rate.
 * The share compares `prepare` positions, which grow with the log in both stores (an event
 * sequence in PostgreSQL, a byte offset in EventStoreDB).
 */
export class CatchUpProgress {
  private readonly startedAt = Date.now();
  private reportedAt = Date.now();
  private events = 0;
  private head: Promise<Position | undefined> | undefined;

  constructor(
    private readonly logger: Logger,
    private readonly eventStore: EventStore,
    private readonly from: Position | undefined,
  ) {}

  /** Counts events read; logs when a report is due. Never fails the follower. */
  async read(count: number, at: Position): Promise<void> {
    this.events += count;
    if (Date.now() - this.reportedAt < REPORT_EVERY_MS) return;
    this.reportedAt = Date.now();
    this.head ??= logHead(this.eventStore).catch(() => undefined);
    const head = await this.head;
    const start = this.from?.prepare ?? 0n;
    const share = head && head.prepare > start ? ` ${percent(at.prepare - start, head.prepare - start)} of the log,` : '';
    const seconds = (Date.now() - this.startedAt) / 1000;
    this.logger.log(`Catching up:${share} ${this.events.toLocaleString('en')} events read, ${Math.round(this.events / seconds).toLocaleString('en')} events/s`);
  }
}

function percent(part: bigint, whole: bigint): string {
  return `${Math.min(100, Number((part * 1000n) / whole) / 10).toFixed(1)} %`;
}

/** The last event a follower reads now: where a replay begun now ends. */
export async function logHead(eventStore: EventStore): Promise<Position | undefined> {
  for await (const event of eventStore.readAll({ direction: 'backwards', maxCount: 1, filter: PROJECTED_LOG })) {
    return event.position;
  }
  return undefined;
}
