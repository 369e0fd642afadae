import { setTimeout as delay } from 'node:timers/promises';

export interface RetryPolicy {
  /** Attempts in all, the first one included. */
  readonly maxAttempts: number;
  /** The backoff step after the first failure; each further failure doubles it. */
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
}

/** Resolves after `ms`, or at once when the signal aborts (never rejects). */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** The clock and dice of retrying, injected so tests need not wait or guess. */
export interface RetryDependencies {
  readonly sleep: Sleep;
  /** A number in [0, 1). */
  readonly random: () => number;
  /** Milliseconds of a monotonic clock; `performance.now` when absent. */
  readonly now?: () => number;
}

export const sleepUnlessAborted: Sleep = async (ms, signal) => {
  await delay(ms, undefined, { signal }).catch(() => undefined);
};

export const realRetryDependencies: RetryDependencies = {
  sleep: sleepUnlessAborted,
  random: Math.random,
  now: () => performance.now(),
};

/**
 * Exponential backoff with "equal jitter": half of each step is fixed and half random, so clients
 * that failed together spread out, yet none retries at once.
 */
export function backoffDelay(failures: number, policy: RetryPolicy, random: () => number): number {
  const step = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** (failures - 1));
  return step / 2 + random() * (step / 2);
}

export interface RetryOptions {
  readonly policy: RetryPolicy;
  readonly shouldRetry: (error: unknown) => boolean;
  readonly dependencies: RetryDependencies;
}

/** Runs `operation` until it succeeds, fails in a way `shouldRetry` rejects, or attempts run out. */
export async function withRetry<T>(operation: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const { policy, shouldRetry, dependencies } = options;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await operation(attempt);
    } catch (error) {
      if (attempt >= policy.maxAttempts || !shouldRetry(error)) throw error;
      await dependencies.sleep(backoffDelay(attempt, policy, dependencies.random));
    }
  }
}
