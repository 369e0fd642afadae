import type { LogSubscription, RecordedEvent } from '../event-store.port.js';
import type { Position } from '../position.js';

export interface PollingSource {
  readonly after: Position | undefined;
  /** The next visible events after a position, in global order; empty when caught up. */
  readAfter(after: Position | undefined): Promise<RecordedEvent[]>;
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

  constructor(private readonly source: PollingSource) {}

  async close(): Promise<void> {
    this.abort.abort();
    this.source.close?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    const { signal } = this.abort;
    let after = this.source.after;
    try {
      while (!signal.aborted) {
        const events = await this.source.readAfter(after);
        for (const event of events) {
          if (signal.aborted) return;
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
