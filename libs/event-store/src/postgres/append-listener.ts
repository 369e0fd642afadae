import { debuglog } from 'node:util';
import type { Notification, Pool, PoolClient } from 'pg';
import type { Position } from '../position.js';
import { APPEND_CHANNEL, decodeAnnouncement } from './append-announcer.js';

const debug = debuglog('event-store');

export interface AppendListenerOptions {
  /** Called for every announcement heard, and with no position once (re)connected. */
  readonly heard: (position: Position | undefined) => void;
  /** Pause before listening again after the connection was lost or could not be opened. */
  readonly retryMs?: number;
}

/**
 * One connection held out of a pool while anything here subscribes, listening for announced
 * appends (see AppendAnnouncer). Given back once the last user stops, so a pool can end without
 * closing the store first. On (re)connecting it reports a wake with no position: whatever was
 * announced while nobody listened is then read, not waited for.
 */
export class AppendListener {
  private users = 0;
  private client: PoolClient | undefined;
  private connecting = false;
  private retry: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly pool: Pool,
    private readonly options: AppendListenerOptions,
  ) {}

  /** Listens until every function returned so far has been called. */
  use(): () => void {
    this.users += 1;
    this.ensureConnected();
    let stopped = false;
    return () => {
      if (stopped) return;
      stopped = true;
      this.users -= 1;
      if (this.users === 0) this.disconnect();
    };
  }

  close(): void {
    this.closed = true;
    this.disconnect();
  }

  private get wanted(): boolean {
    return !this.closed && this.users > 0 && !this.pool.ending;
  }

  private ensureConnected(): void {
    if (!this.wanted || this.client || this.connecting || this.retry) return;
    this.connecting = true;
    void this.connect().finally(() => (this.connecting = false));
  }

  private async connect(): Promise<void> {
    let client: PoolClient | undefined;
    try {
      client = await this.pool.connect();
      const lost = (error?: Error) => this.lost(client!, error);
      client.on('error', lost);
      client.on('end', lost);
      client.on('notification', (message: Notification) => {
        if (message.channel === APPEND_CHANNEL) this.options.heard(decodeAnnouncement(message.payload));
      });
      await client.query(`LISTEN ${APPEND_CHANNEL}`);
    } catch (error) {
      debug('cannot listen for appends: %s', error instanceof Error ? error.message : String(error));
      client?.release(true);
      this.scheduleRetry();
      return;
    }
    if (!this.wanted) {
      client.release(true);
      return;
    }
    this.client = client;
    this.options.heard(undefined);
  }

  private lost(client: PoolClient, error?: Error): void {
    if (this.client !== client) return;
    debug('lost the connection listening for appends: %s', error?.message ?? 'ended');
    this.client = undefined;
    client.release(error ?? true);
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (!this.wanted || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      this.ensureConnected();
    }, this.options.retryMs ?? 1_000);
    this.retry.unref();
  }

  /** Ends the connection rather than pooling it, so no later borrower inherits the LISTEN. */
  private disconnect(): void {
    clearTimeout(this.retry);
    this.retry = undefined;
    const client = this.client;
    this.client = undefined;
    client?.release(true);
  }
}
