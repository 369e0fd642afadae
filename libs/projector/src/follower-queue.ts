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

export interface TakeOptions {
  /** How long to wait for events it follows at most. */
  readonly waitMs: number;
  /** How long a stretch it merely passes may wait to be taken: its checkpoint moves lazily. */
  readonly passMs: number;
}

/**
 * A follower's inbox. Of each commit a reader delivers it keeps only the events the follower
 * follows; commits with none of them are folded into one stretch to pass, which wakes the
 * follower only once it has waited `passMs`, so a follower of what nobody writes is not woken by
 * every commit, and one busy elsewhere (a reactor sending effects) holds back the reader only
 * once the events it follows fill its capacity. Taken in batches of about `maxEvents`, never
 * splitting a commit.
 */
export class FollowerQueue implements FollowerInbox {
  private readonly stretches: { events: readonly RecordedEvent[]; through: Position }[] = [];
  private queuedEvents = 0;
  /** When the stretch to pass at the end began waiting; undefined when there is none. */
  private passingSince: number | undefined;
  private wakeTaker: (() => void) | undefined;
  private wakeReader: (() => void) | undefined;
  private ending: { error: unknown } | undefined;
  /** Events taken and not yet applied: what waits behind them is not passed yet. */
  private outstanding = false;

  constructor(
    private readonly follows: FollowedEvents,
    private readonly capacity: number,
  ) {}

  async deliver(commit: Commit, signal: AbortSignal): Promise<void> {
    const events = commit.filter((event) => followsEvent(this.follows, event));
    const through = commit.at(-1)!.position;
    const last = this.stretches.at(-1);
    if (events.length === 0) {
      if (last && last.events.length === 0) last.through = through;
      else this.stretches.push({ events, through });
      // The first one to pass only tells the taker when to come for it.
      if (this.passingSince === undefined) {
        this.passingSince = Date.now();
        this.wakeTaker?.();
      }
      return;
    }
    while (this.queuedEvents >= this.capacity && !signal.aborted) {
      await waitForWake((wake) => (this.wakeReader = wake), signal);
    }
    this.stretches.push({ events, through });
    this.passingSince = undefined;
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

  /**
   * Where the follower would be once it took what waits, when none of it is to be applied and
   * what it took last is applied.
   */
  get passableThrough(): Position | undefined {
    return this.queuedEvents === 0 && !this.outstanding ? this.stretches.at(-1)?.through : undefined;
  }

  /** The follower has applied (or given up) what it took last. */
  settled(): void {
    this.outstanding = false;
  }

  /** Why the reader stopped, once everything it delivered was taken; undefined until then. */
  get endedWith(): { error: unknown } | undefined {
    return this.empty ? this.ending : undefined;
  }

  /**
   * Stretches holding about `maxEvents` followed events in all (at least one stretch), as soon
   * as there are events it follows, or once what it merely passes has waited `passMs`; none
   * when `waitMs` passes with nothing, or the signal aborts first, or once the reader ended and
   * everything was taken.
   */
  async take(maxEvents: number, signal: AbortSignal, { waitMs, passMs }: TakeOptions): Promise<Stretch[]> {
    const deadline = Date.now() + waitMs;
    while (!signal.aborted && !this.ending && this.queuedEvents === 0) {
      const due = Math.min(deadline, this.passingSince === undefined ? Number.POSITIVE_INFINITY : this.passingSince + passMs);
      const waitFor = due - Date.now();
      if (waitFor <= 0) break;
      // A plain timer, cleared once woken: a batch is taken many times a second, and a timeout
      // signal per take would each fire, and make its error, long after it was needed.
      let timer: NodeJS.Timeout | undefined;
      await waitForWake((wake) => {
        this.wakeTaker = wake;
        if (Number.isFinite(waitFor)) timer = setTimeout(wake, waitFor);
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
    if (this.stretches.length === 0) this.passingSince = undefined;
    this.queuedEvents -= count;
    this.outstanding = count > 0;
    this.wakeReader?.();
    return batch;
  }
}
