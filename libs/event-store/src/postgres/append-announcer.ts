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
 * its WAL flush, which would serialise every append. At most one announcement is in flight; the
 * appends made meanwhile are covered by the next one, which carries the highest position so far.
 * Announcing never fails an append: a lost announcement leaves listeners to their fallback poll.
 */
export class AppendAnnouncer {
  private highest: Position | undefined;
  private announced: Position | undefined;
  private flight: Promise<void> = Promise.resolve();
  private flying = false;
  private closed = false;

  constructor(private readonly pool: Pool) {}

  announce(position: Position): void {
    if (this.closed) return;
    if (!this.highest || isAfter(position, this.highest)) this.highest = position;
    if (this.flying) return;
    this.flying = true;
    this.flight = this.fly();
  }

  /** Stops announcing, after the announcement in flight (so a pool can end after it). */
  async close(): Promise<void> {
    this.closed = true;
    await this.flight;
  }

  /** Clears `flying` in the same tick as it finds nothing left, so no append goes unannounced. */
  private async fly(): Promise<void> {
    try {
      while (!this.closed && this.highest && (!this.announced || isAfter(this.highest, this.announced))) {
        const position = this.highest;
        try {
          await this.pool.query({ ...ANNOUNCE, values: [APPEND_CHANNEL, encodeAnnouncement(position)] });
        } catch (error) {
          debug('announcing an append failed: %s', error instanceof Error ? error.message : String(error));
        }
        this.announced = position;
      }
    } finally {
      this.flying = false;
    }
  }
}
