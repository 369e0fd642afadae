/**
 * Wraps an async generator so that a consumer can stop it while it waits. An async generator's
 * own return() only runs once its pending next() settles, which for a quiet feed is never:
 * graphql-ws would then keep listening after the client unsubscribed. Here return() first
 * aborts the signal the generator waits on, so the pending next() ends and return() follows.
 */
export function stoppable<T>(produce: (signal: AbortSignal) => AsyncGenerator<T>): AsyncIterableIterator<T> {
  const controller = new AbortController();
  const generator = produce(controller.signal);
  const stopped: AsyncIterableIterator<T> = {
    next: () => generator.next(),
    return: (value?: unknown) => {
      controller.abort();
      return generator.return(value as T);
    },
    throw: (error?: unknown) => {
      controller.abort();
      return generator.throw(error);
    },
    [Symbol.asyncIterator]: () => stopped,
  };
  return stopped;
}
