import { waitForWake } from './wait-for-wake.js';

/**
 * A bounded hand-over between the subscription (which pushes one event at a time) and the
 * writer (which takes everything waiting, up to a batch). Batches grow by themselves while the
 * writer is busy and shrink to one event when it keeps up, so latency stays low when idle.
 * One pusher and one taker at a time.
 */
export class BatchQueue<T> {
  private readonly items: T[] = [];
  private wakeTaker: (() => void) | undefined;
  private wakePusher: (() => void) | undefined;
  private ended = false;

  constructor(private readonly capacity: number) {}

  async push(item: T, signal: AbortSignal): Promise<void> {
    while (this.items.length >= this.capacity && !signal.aborted) {
      await waitForWake((wake) => (this.wakePusher = wake), signal);
    }
    this.items.push(item);
    this.wake(this.wakeTaker);
  }

  /** The item the next take would start with, left in the queue. */
  peek(): T | undefined {
    return this.items[0];
  }

  /** No more items will come: takers get what is left, then none without waiting. */
  end(): void {
    this.ended = true;
    this.wake(this.wakeTaker);
  }

  /** Whether `end` was called and everything was taken. */
  get drained(): boolean {
    return this.ended && this.items.length === 0;
  }

  /** Resolves with up to `max` items as soon as there is one, or with none on abort or once drained. */
  async take(max: number, signal: AbortSignal): Promise<T[]> {
    while (this.items.length === 0 && !signal.aborted && !this.ended) {
      await waitForWake((wake) => (this.wakeTaker = wake), signal);
    }
    const batch = this.items.splice(0, max);
    this.wake(this.wakePusher);
    return batch;
  }

  private wake(waker: (() => void) | undefined): void {
    waker?.();
  }
}
