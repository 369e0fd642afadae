import type { LogSubscription, RecordedEvent } from '../event-store.port.js';
import { comparePositions, type Position } from '../position.js';

export interface PollingSource {
  readonly after: Position | undefined;
  /**
   * The next visible events after a position, in global order (none when caught up), and
   * whether they are all that was visible: a read cut short by its page size may end inside a
   * commit, one that was not cannot.
   */
  readAfter(after: Position | undefined): Promise<{ readonly events: readonly RecordedEvent[]; readonly toTheEnd: boolean }>;
  /** Resolves when new events may be there; rejects or resolves early on abort. */
  waitForAppend(signal: AbortSignal): Promise<void>;
  /** Lets go of what waiting held (a connection); called once the subscription ends. */
  close?(): void;
}

/**
 * A catch-up subscription over a log that can only be polled: it reads pages until it is caught
 * up, then waits for a wake-up and reads again from the last position it yielded.
 */
export class PollingSubscription implements LogSubscription {
  private readonly abort = new AbortController();
  /** The last event of a read that went to the end of the visible log: its commit is whole. */
  private wholeThrough: Position | undefined;

  constructor(private readonly source: PollingSource) {}

  endsWholeCommit(position: Position): boolean {
    return this.wholeThrough !== undefined && comparePositions(this.wholeThrough, position) === 0;
  }

  async close(): Promise<void> {
    this.abort.abort();
    this.source.close?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    const { signal } = this.abort;
    let after = this.source.after;
    try {
      while (!signal.aborted) {
        const { events, toTheEnd } = await this.source.readAfter(after);
        for (const [index, event] of events.entries()) {
          if (signal.aborted) return;
          // Known before the event is handed over, so whoever takes it can ask at once.
          if (toTheEnd && index === events.length - 1) this.wholeThrough = event.position;
          yield event;
          after = event.position;
        }
        if (events.length === 0) await this.source.waitForAppend(signal);
      }
    } finally {
      this.source.close?.();
    }
  }
}
