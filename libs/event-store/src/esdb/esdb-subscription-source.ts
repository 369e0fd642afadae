import { once } from 'node:events';
import { START, type AllStreamSubscription, type EventStoreDBClient } from '@eventstore/db-client';
import type { LogFilter, RecordedEvent } from '../event-store.port.js';
import { toRecordedEvent } from './esdb-event-mapping.js';
import { isVisibleInLog, toSubscriptionFilter } from './esdb-log-filter.js';
import { withTimeout } from './esdb-timeout.js';
import type { SubscriptionSource } from './resubscribing-subscription.js';

export interface EsdbSubscriptionSourceOptions {
  readonly filter?: LogFilter;
  /** How long the server may take to accept the subscription. */
  readonly confirmTimeoutMs: number;
}

/**
 * One `$all` catch-up subscription per request. The server's confirmation is awaited with a
 * timeout, because against a server that never answers the client would wait forever.
 */
export function esdbSubscriptionSource(
  client: EventStoreDBClient,
  options: EsdbSubscriptionSourceOptions,
): SubscriptionSource {
  return async function* subscribe({ after, signal, confirmed }): AsyncGenerator<RecordedEvent> {
    const subscription = client.subscribeToAll({
      fromPosition: after ?? START,
      filter: toSubscriptionFilter(options.filter),
    });
    const release = () => releaseSubscription(subscription);
    signal.addEventListener('abort', release, { once: true });
    try {
      await withTimeout(
        once(subscription, 'confirmation', { signal }),
        options.confirmTimeoutMs,
        'Subscribing to $all',
        release,
      );
      confirmed();
      for await (const resolved of subscription) {
        // Decided on the raw event: the server's own events have no envelope to convert.
        if (!resolved.event || !isVisibleInLog(resolved.event, options.filter)) continue;
        const event = toRecordedEvent(resolved);
        if (event) yield event;
      }
    } finally {
      signal.removeEventListener('abort', release);
      release();
    }
  };
}

/** Ends the server call and the stream; later stream errors are of no interest to anyone. */
function releaseSubscription(subscription: AllStreamSubscription): void {
  subscription.on('error', () => undefined);
  void subscription.unsubscribe().catch(() => undefined);
  subscription.destroy();
}
