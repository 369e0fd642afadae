import type { LogSubscription, RecordedEvent } from '#event-store';

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

/** Reads `count` events from a subscription, then closes it; fails if they do not come in time. */
export async function takeFromSubscription(
  subscription: LogSubscription,
  count: number,
  timeoutMs = 60_000,
): Promise<RecordedEvent[]> {
  const received: RecordedEvent[] = [];
  const timer = setTimeout(() => void subscription.close(), timeoutMs);
  try {
    for await (const event of subscription) {
      received.push(event);
      if (received.length === count) break;
    }
  } finally {
    clearTimeout(timer);
    await subscription.close();
  }
  if (received.length < count) {
    throw new Error(`Subscription delivered ${received.length} of ${count} events in ${timeoutMs} ms`);
  }
  return received;
}
