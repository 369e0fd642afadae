import type { Commit, FollowerInbox } from './log-reader.js';
import { waitForWake } from './wait-for-wake.js';

/**
 * A follower's inbox: whole commits from a reader, bounded by the events they hold (a reader
 * waits while it is full), taken in batches of about `maxEvents` but never split.
 */
export class FollowerQueue implements FollowerInbox {
  private readonly commits: Commit[] = [];
  private queuedEvents = 0;
  private wakeTaker: (() => void) | undefined;
  private wakeReader: (() => void) | undefined;
  private ending: { error: unknown } | undefined;

  constructor(private readonly capacity: number) {}

  async deliver(commit: Commit, signal: AbortSignal): Promise<void> {
    while (this.queuedEvents >= this.capacity && !signal.aborted) {
      await waitForWake((wake) => (this.wakeReader = wake), signal);
    }
    this.commits.push(commit);
    this.queuedEvents += commit.length;
    this.wakeTaker?.();
  }

  end(error: unknown): void {
    this.ending = { error };
    this.wakeTaker?.();
  }

  get empty(): boolean {
    return this.commits.length === 0;
  }

  /** Why the reader stopped, once everything it delivered was taken; undefined until then. */
  get endedWith(): { error: unknown } | undefined {
    return this.empty ? this.ending : undefined;
  }

  /**
   * Whole commits of about `maxEvents` events in all (at least one commit), as soon as there is
   * one; none when the signal aborts first, or once the reader ended and everything was taken.
   */
  async take(maxEvents: number, signal: AbortSignal): Promise<Commit[]> {
    while (this.commits.length === 0 && !signal.aborted && !this.ending) {
      await waitForWake((wake) => (this.wakeTaker = wake), signal);
    }
    let count = 0;
    let taking = 0;
    while (taking < this.commits.length && (taking === 0 || count + this.commits[taking]!.length <= maxEvents)) {
      count += this.commits[taking]!.length;
      taking += 1;
    }
    const batch = this.commits.splice(0, taking);
    this.queuedEvents -= count;
    this.wakeReader?.();
    return batch;
  }
}
