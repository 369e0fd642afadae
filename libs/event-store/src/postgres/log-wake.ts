import { EventEmitter } from 'node:events';
import { setTimeout as delay } from 'node:timers/promises';
import type { Pool } from 'pg';
import { isAfter, type Position } from '../position.js';
import { AppendListener } from './append-listener.js';

/** The pauses while appended events are not visible yet: short, as they are usually milliseconds away. */
const FIRST_PAUSE_MS = 2;
const LONGEST_PAUSE_MS = 50;

/**
 * What a store's subscriptions wait on: appends made here, appends announced by other processes
 * (LISTEN), or else a slow fallback poll. It keeps the highest position known to be appended, as
 * an append can have committed and still be invisible while an older transaction runs: a
 * subscription that has not seen it yet polls again soon instead of waiting for a wake that was
 * already spent.
 */
export class LogWake {
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  private readonly listener: AppendListener;
  private highest: Position | undefined;

  constructor(
    logPool: Pool,
    private readonly pollIntervalMs: number,
  ) {
    this.listener = new AppendListener(logPool, { heard: (position) => this.appended(position) });
  }

  /** Something was appended, at `position` when known. */
  appended(position?: Position): void {
    if (position && (!this.highest || isAfter(position, this.highest))) this.highest = position;
    this.emitter.emit('append');
  }

  /** The waiting of one subscription; `close` it when the subscription ends. */
  waiter(): LogWaiter {
    return new LogWaiter(this);
  }

  get highestAppended(): Position | undefined {
    return this.highest;
  }

  /** Keeps the LISTEN connection open until the returned function is called. */
  listen(): () => void {
    return this.listener.use();
  }

  /**
   * Resolves on the next append, the fallback poll interval, or abort, whichever is first. Plain
   * listeners and a timer, all removed once it resolves: it runs for every read that finds the
   * log caught up, and timeout signals would each fire, and make their error, a second later.
   */
  nextAppend(signal: AbortSignal): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.emitter.off('append', done);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, this.pollIntervalMs);
      this.emitter.once('append', done);
      signal.addEventListener('abort', done, { once: true });
      if (signal.aborted) done();
    });
  }

  close(): void {
    this.listener.close();
  }
}

export class LogWaiter {
  /** The horizon of the last read: everything that committed below it has been seen. */
  private horizon: bigint | undefined;
  private pauseMs = FIRST_PAUSE_MS;
  private stopListening: (() => void) | undefined;

  constructor(private readonly wake: LogWake) {}

  /** Reports a read: the oldest transaction still running then, and whether it found events. */
  read(horizon: bigint, found: boolean): void {
    this.horizon = horizon;
    if (found) this.pauseMs = FIRST_PAUSE_MS;
  }

  /** Resolves when a read may find more: soon if appends are known to be pending, else on a wake. */
  async wait(signal: AbortSignal): Promise<void> {
    this.stopListening ??= this.wake.listen();
    const highest = this.wake.highestAppended;
    if (highest && (this.horizon === undefined || highest.commit >= this.horizon)) {
      await delay(this.pauseMs, undefined, { signal }).catch(() => undefined);
      this.pauseMs = Math.min(this.pauseMs * 2, LONGEST_PAUSE_MS);
      return;
    }
    this.pauseMs = FIRST_PAUSE_MS;
    await this.wake.nextAppend(signal);
  }

  close(): void {
    this.stopListening?.();
  }
}
