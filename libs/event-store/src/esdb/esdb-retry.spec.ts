import { describe, expect, it } from '@jest/globals';
import { backoffDelay, sleepUnlessAborted, withRetry, type RetryDependencies, type RetryPolicy } from './esdb-retry.js';

const policy: RetryPolicy = { maxAttempts: 4, initialDelayMs: 100, maxDelayMs: 1_000 };

/** Records the waits instead of waiting; `random` is fixed so delays are exact. */
function fakeDependencies(random = 0.5): RetryDependencies & { readonly sleeps: number[] } {
  const sleeps: number[] = [];
  return { sleeps, sleep: async (ms) => void sleeps.push(ms), random: () => random };
}

class Transient extends Error {}
class Permanent extends Error {}
const isTransient = (error: unknown) => error instanceof Transient;

describe('backoffDelay', () => {
  it('doubles per failure up to the cap, half fixed and half jitter', () => {
    expect([1, 2, 3, 4, 5, 6].map((failures) => backoffDelay(failures, policy, () => 0))).toEqual([
      50, 100, 200, 400, 500, 500,
    ]);
    expect([1, 2, 3, 4, 5, 6].map((failures) => backoffDelay(failures, policy, () => 0.999999))).toEqual(
      [100, 200, 400, 800, 1000, 1000].map((step) => expect.closeTo(step, 2)),
    );
  });
});

describe('withRetry', () => {
  it('returns the first success after transient failures, backing off between attempts', async () => {
    const dependencies = fakeDependencies(0.5);
    const attempts: number[] = [];
    const result = await withRetry(
      async (attempt) => {
        attempts.push(attempt);
        if (attempt < 3) throw new Transient(`attempt ${attempt}`);
        return 'written';
      },
      { policy, shouldRetry: isTransient, dependencies },
    );
    expect(result).toBe('written');
    expect(attempts).toEqual([1, 2, 3]);
    expect(dependencies.sleeps).toEqual([75, 150]);
  });

  it('gives up after maxAttempts and throws the last failure', async () => {
    const dependencies = fakeDependencies();
    let calls = 0;
    const outcome = withRetry(
      async (attempt) => {
        calls += 1;
        throw new Transient(`attempt ${attempt}`);
      },
      { policy, shouldRetry: isTransient, dependencies },
    );
    await expect(outcome).rejects.toThrow('attempt 4');
    expect(calls).toBe(4);
    expect(dependencies.sleeps).toHaveLength(3);
  });

  it('does not retry a failure that shouldRetry rejects', async () => {
    const dependencies = fakeDependencies();
    let calls = 0;
    const outcome = withRetry(
      async () => {
        calls += 1;
        throw new Permanent('conflict');
      },
      { policy, shouldRetry: isTransient, dependencies },
    );
    await expect(outcome).rejects.toBeInstanceOf(Permanent);
    expect(calls).toBe(1);
    expect(dependencies.sleeps).toEqual([]);
  });
});

describe('sleepUnlessAborted', () => {
  it('returns at once, without throwing, when the signal aborts', async () => {
    const abort = new AbortController();
    const started = Date.now();
    const sleeping = sleepUnlessAborted(60_000, abort.signal);
    abort.abort();
    await expect(sleeping).resolves.toBeUndefined();
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
