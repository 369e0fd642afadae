import { performance } from 'node:perf_hooks';
import { debuglog } from 'node:util';
import type { Pool } from 'pg';
import { isAfter, type Position } from '../position.js';

/** The channel on which appends are announced, per database. */
export const APPEND_CHANNEL = 'es_appended';

const debug = debuglog('event-store');

/**
 * Sent in a transaction of its own that does not wait for its WAL flush: an announcement lost in
 * a crash costs a listener one fallback poll, nothing more. Named, so it is parsed once per
 * connection.
 */
const ANNOUNCE = {
  name: 'es_announce_append',
  text: "SELECT set_config('synchronous_commit', 'off', true), pg_notify($1, $2)",
};

export function encodeAnnouncement(position: Position): string {
  return `${position.commit}/${position.prepare}`;
}

/** The position an announcement carries; undefined for a payload this version does not know. */
export function decodeAnnouncement(payload: string | undefined): Position | undefined {
  const match = /^(\d+)\/(\d+)$/.exec(payload ?? '');
  return match ? { commit: BigInt(match[1]!), prepare: BigInt(match[2]!) } : undefined;
}

/**
 * Tells other processes about appends once they have committed. Not from inside the append's
 * transaction: PostgreSQL holds a database-wide lock from a notifying transaction's commit through
 * its WAL flush, which would serialise every append. At most one announcement is in flight, and
 * under steady appending they are at least `spacingMs` apart, each carrying the highest position
 * so far: an announcement is a transaction of its own, and one per append would halve a single
 * writer's throughput. An append after a quiet spell is announced at once.
 * Announcing never fails an append: a lost announcement leaves listeners to their fallback poll.
 */
export class AppendAnnouncer {
  private highest: Position | undefined;
  private announced: Position | undefined;
  private flight: Promise<void> = Promise.resolve();
  private flying = false;
  private timer: NodeJS.Timeout | undefined;
  private lastSentAt = Number.NEGATIVE_INFINITY;
  private closed = false;

  constructor(
    private readonly pool: Pool,
    private readonly spacingMs = 10,
  ) {}

  announce(position: Position): void {
    if (this.closed) return;
    if (!this.highest || isAfter(position, this.highest)) this.highest = position;
    this.schedule();
  }

  /** Sends what is still unannounced, then stops (so a pool can end after it). */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.flying && this.unannounced()) this.flight = this.fly();
    await this.flight;
  }

  private unannounced(): boolean {
    return this.highest !== undefined && (!this.announced || isAfter(this.highest, this.announced));
  }

  private schedule(): void {
    if (this.closed || this.flying || this.timer || !this.unannounced()) return;
    const wait = this.lastSentAt + this.spacingMs - performance.now();
    if (wait <= 0) {
      this.flight = this.fly();
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.schedule();
    }, wait);
    this.timer.unref();
  }

  private async fly(): Promise<void> {
    this.flying = true;
    const position = this.highest!;
    this.lastSentAt = performance.now();
    try {
      await this.pool.query({ ...ANNOUNCE, values: [APPEND_CHANNEL, encodeAnnouncement(position)] });
    } catch (error) {
      debug('announcing an append failed: %s', error instanceof Error ? error.message : String(error));
    }
    this.announced = position;
    this.flying = false;
    this.schedule();
  }
}
