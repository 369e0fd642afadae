import type { Client } from 'graphql-ws';

export interface ReceivedError {
  readonly message: string;
  readonly extensions?: Record<string, unknown>;
}

/**
 * Records what a graphql-ws subscription delivers, for a test to wait on: pushed data, errors
 * (in a result or as the protocol's error message) and completion.
 */
export class SubscriptionRecorder<Data = Record<string, unknown>> {
  readonly data: Data[] = [];
  readonly errors: ReceivedError[] = [];
  completed = false;
  private readonly waiters = new Set<() => void>();
  private readonly dispose: () => void;

  constructor(client: Client, query: string, variables: Record<string, unknown> = {}) {
    this.dispose = client.subscribe<Data>(
      { query, variables },
      {
        next: (result) => {
          if (result.data) this.data.push(result.data);
          this.errors.push(...((result.errors ?? []) as ReceivedError[]));
          this.wake();
        },
        error: (error) => {
          this.errors.push(...(Array.isArray(error) ? error : [{ message: String(error) }]));
          this.completed = true;
          this.wake();
        },
        complete: () => {
          this.completed = true;
          this.wake();
        },
      },
    );
  }

  /** Resolves once `count` pushes arrived; fails after the timeout or on an error. */
  async take(count: number, timeoutMs = 10_000): Promise<Data[]> {
    await this.until(() => this.data.length >= count || this.errors.length > 0, timeoutMs);
    if (this.errors.length > 0) throw new Error(`Subscription failed: ${JSON.stringify(this.errors)}`);
    if (this.data.length < count) throw new Error(`Got ${this.data.length} of ${count} pushes in ${timeoutMs} ms`);
    return this.data.slice(0, count);
  }

  /** Resolves with the first push that matches, once it arrived; fails after the timeout or on an error. */
  async awaitPush(matches: (data: Data) => boolean, timeoutMs = 10_000): Promise<Data> {
    await this.until(() => this.data.some(matches) || this.errors.length > 0, timeoutMs);
    if (this.errors.length > 0) throw new Error(`Subscription failed: ${JSON.stringify(this.errors)}`);
    const found = this.data.find(matches);
    if (!found) throw new Error(`No matching push among ${this.data.length} in ${timeoutMs} ms`);
    return found;
  }

  /** Resolves once an error or completion arrived, or the timeout passed. */
  async ended(timeoutMs = 10_000): Promise<void> {
    await this.until(() => this.completed || this.errors.length > 0, timeoutMs);
  }

  stop(): void {
    this.dispose();
  }

  private until(done: () => boolean, timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if (!done()) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        resolve();
      }, timeoutMs);
      this.waiters.add(check);
      check();
    });
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}
