import type { Position, RecordedEvent } from '#event-store';
import { followsEvent, type FollowedEvents } from '#read-model';
import type { Commit, FollowerInbox } from './log-reader.js';
import { waitForWake } from './wait-for-wake.js';

/**
 * A stretch of the log as one follower sees it: the events of it that it follows (none for a
 * stretch it merely passes), and the position of the stretch's last event.
 */
export interface Stretch {
  readonly events: readonly RecordedEvent[];
  readonly through: Position;
}

/**
 * A follower's inbox. Of each commit a reader delivers it keeps only the events the follower
 * follows; commits with none of them are folded into one stretch to pass, so a follower busy
 * elsewhere (a reactor sending effects) holds back the reader only once the events it follows
 * fill its capacity. Taken in batches of about `maxEvents`, never splitting a commit.
 */
export class FollowerQueue implements FollowerInbox {
  private readonly stretches: { events: readonly RecordedEvent[]; through: Position }[] = [];
  private queuedEvents = 0;
  private wakeTaker: (() => void) | undefined;
  private wakeReader: (() => void) | undefined;
  private ending: { error: unknown } | undefined;

  constructor(
    private readonly follows: FollowedEvents,
    private readonly capacity: number,
  ) {}

  async deliver(commit: Commit, signal: AbortSignal): Promise<void> {
    const events = commit.filter((event) => followsEvent(this.follows, event));
    const through = commit.at(-1)!.position;
    const last = this.stretches.at(-1);
    if (events.length === 0 && last && last.events.length === 0) {
      last.through = through;
      return;
    }
    while (events.length > 0 && this.queuedEvents >= this.capacity && !signal.aborted) {
      await waitForWake((wake) => (this.wakeReader = wake), signal);
    }
    this.stretches.push({ events, through });
    this.queuedEvents += events.length;
    this.wakeTaker?.();
  }

  end(error: unknown): void {
    this.ending = { error };
    this.wakeTaker?.();
  }

  get empty(): boolean {
    return this.stretches.length === 0;
  }

  /** Why the reader stopped, once everything it delivered was taken; undefined until then. */
  get endedWith(): { error: unknown } | undefined {
    return this.empty ? this.ending : undefined;
  }

  /**
   * Stretches holding about `maxEvents` followed events in all (at least one stretch), as soon
   * as there is one; none when `waitMs` passes or the signal aborts first, or once the reader
   * ended and everything was taken.
   */
  async take(maxEvents: number, signal: AbortSignal, waitMs = Number.POSITIVE_INFINITY): Promise<Stretch[]> {
    if (this.stretches.length === 0 && !signal.aborted && !this.ending) {
      // A plain timer, cleared once woken: a batch is taken many times a second, and a timeout
      // signal per take would each fire, and make its error, long after it was needed.
      let timer: NodeJS.Timeout | undefined;
      await waitForWake((wake) => {
        this.wakeTaker = wake;
        if (Number.isFinite(waitMs)) timer = setTimeout(wake, waitMs);
      }, signal);
      clearTimeout(timer);
    }
    let count = 0;
    let taking = 0;
    while (taking < this.stretches.length && (taking === 0 || count + this.stretches[taking]!.events.length <= maxEvents)) {
      count += this.stretches[taking]!.events.length;
      taking += 1;
    }
    const batch = this.stretches.splice(0, taking);
    this.queuedEvents -= count;
    this.wakeReader?.();
    return batch;
  }
}
