import { EventStoreUnavailableError } from '../event-store.errors.js';

/**
 * Bounds a call with our own timer. The client can wait forever on a server that accepts the
 * connection but never answers (its server-features request has no deadline), so every call gets
 * one. `onTimeout` lets the caller abandon what it started; the promise itself cannot be stopped.
 */
export function withTimeout<T>(
  work: Promise<T>,
  timeoutMs: number,
  description: string,
  onTimeout?: () => void,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout?.();
      reject(new EventStoreUnavailableError(`${description}: no answer from EventStoreDB within ${timeoutMs} ms`));
    }, timeoutMs);
  });
  // Racing also handles a late rejection of the abandoned work, so it never goes unhandled.
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Iterates `source`, allowing each step (the next item, or the end) at most `timeoutMs`. Meant for
 * reads that have an end; a live subscription may rightly wait longer than that.
 */
export async function* timeoutEachStep<T>(
  source: AsyncIterable<T>,
  timeoutMs: number,
  description: string,
  onTimeout: () => void,
): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  try {
    for (;;) {
      const step = await withTimeout(iterator.next(), timeoutMs, description, onTimeout);
      if (step.done) return;
      yield step.value;
    }
  } finally {
    // Not awaited: after a timeout the source's pending step may never settle.
    void Promise.resolve(iterator.return?.()).catch(() => undefined);
  }
}
