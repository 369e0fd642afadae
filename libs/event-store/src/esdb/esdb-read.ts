import type { StreamingRead } from '@eventstore/db-client';
import { isTransientEsdbError } from './esdb-errors.js';
import { withRetry, type RetryDependencies, type RetryPolicy } from './esdb-retry.js';
import { timeoutEachStep } from './esdb-timeout.js';

export interface ReadSettings {
  readonly description: string;
  /** The longest wait for each next item of the read. */
  readonly timeoutMs: number;
  readonly policy: RetryPolicy;
  readonly dependencies: RetryDependencies;
}

/**
 * Runs a streaming read with a timeout on every step. Opening it and waiting for its first answer
 * are retried on transient failures: nothing has been yielded yet, so a retry cannot repeat an
 * event. A failure later ends the read with the client's error; the caller maps it.
 */
export async function* readWithRetry<T>(open: () => StreamingRead<T>, settings: ReadSettings): AsyncGenerator<T> {
  const started = await withRetry(
    async () => {
      const read = open();
      const steps = timeoutEachStep(read, settings.timeoutMs, settings.description, () => abandonRead(read));
      try {
        return { read, steps, first: await steps.next() };
      } catch (error) {
        abandonRead(read);
        throw error;
      }
    },
    { policy: settings.policy, shouldRetry: isTransientEsdbError, dependencies: settings.dependencies },
  );
  try {
    for (let step = started.first; !step.done; step = await started.steps.next()) yield step.value;
  } finally {
    void started.steps.return(undefined);
    abandonRead(started.read);
  }
}

/**
 * Cancels the server call (leaving the read stream alone would not: the server would keep
 * sending) and destroys the stream; later stream errors are of no interest to anyone.
 */
function abandonRead(read: StreamingRead<unknown>): void {
  read.on('error', () => undefined);
  void read.cancel().catch(() => undefined);
  read.destroy();
}
