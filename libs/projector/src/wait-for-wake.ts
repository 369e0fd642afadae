/**
 * Resolves when the waker that `register` is given gets called, or when the signal aborts,
 * whichever comes first: how the queues between readers and followers park one side.
 */
export function waitForWake(register: (wake: () => void) => void, signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      signal.removeEventListener('abort', done);
      resolve();
    };
    register(done);
    signal.addEventListener('abort', done, { once: true });
  });
}
