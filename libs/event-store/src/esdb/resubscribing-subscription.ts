import { EventStoreUnavailableError } from '../event-store.errors.js';
import type { LogSubscription, RecordedEvent } from '../event-store.port.js';
import type { Position } from '../position.js';
import { isTransientEsdbError, mapEsdbError } from './esdb-errors.js';
import { backoffDelay, type RetryDependencies, type RetryPolicy } from './esdb-retry.js';

export interface SubscriptionRequest {
  /** Exclusive: the source yields events after this position, from the start if absent. */
  readonly after: Position | undefined;
  /** Aborts when the subscription is closed; the source then releases what it holds. */
  readonly signal: AbortSignal;
  /** Called by the source once the server has accepted the subscription. */
  readonly confirmed: () => void;
}

/** Opens one server subscription; it yields events in log order until it fails or is aborted. */
export type SubscriptionSource = (request: SubscriptionRequest) => AsyncIterable<RecordedEvent>;

export interface ResubscribeOptions {
  readonly after?: Position;
  /**
   * Bounds consecutive failures (a confirmed subscription or a delivered event starts that count
   * again) and paces resubscriptions: the wait grows with each drop until a subscription has
   * held for `maxDelayMs`, so a server that accepts and then drops at once is not hammered.
   */
  readonly policy: RetryPolicy;
  readonly dependencies: RetryDependencies;
}

const CLOSED = Symbol('closed');

/**
 * A catch-up subscription that survives transient drops: the client does not resubscribe by
 * itself, so after an outage, a leader change or "consumer too slow" this opens a new server
 * subscription after the last position it yielded. Positions are exclusive there, so nothing is
 * repeated or skipped. Other errors, or too many failures in a row, end iteration with the
 * port's error.
 */
export class ResubscribingSubscription implements LogSubscription {
  private readonly abort = new AbortController();

  constructor(
    private readonly source: SubscriptionSource,
    private readonly options: ResubscribeOptions,
  ) {}

  async close(): Promise<void> {
    this.abort.abort();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    const { signal } = this.abort;
    const { policy, dependencies } = this.options;
    const now = dependencies.now ?? (() => performance.now());
    let after = this.options.after;
    let failures = 0;
    let drops = 0;
    while (!signal.aborted) {
      const openedAt = now();
      const events = this.source({ after, signal, confirmed: () => (failures = 0) })[Symbol.asyncIterator]();
      try {
        for (;;) {
          const step = await untilClosed(events.next(), signal);
          if (step === CLOSED) return;
          if (step.done) throw new EventStoreUnavailableError('EventStoreDB ended the subscription');
          after = step.value.position;
          failures = 0;
          yield step.value;
        }
      } catch (error) {
        if (signal.aborted) return;
        failures += 1;
        drops = now() - openedAt >= policy.maxDelayMs ? 1 : drops + 1;
        if (!isTransientEsdbError(error) || failures >= policy.maxAttempts) throw mapEsdbError(error);
        await dependencies.sleep(backoffDelay(drops, policy, dependencies.random), signal);
      } finally {
        // Not awaited: a source waiting for live events only settles once the abort reaches it.
        void Promise.resolve(events.return?.()).catch(() => undefined);
      }
    }
  }
}

/** Waits for `step` unless the subscription is closed first, since a live wait may never end. */
function untilClosed<T>(step: Promise<T>, signal: AbortSignal): Promise<T | typeof CLOSED> {
  if (signal.aborted) return Promise.resolve(CLOSED);
  return new Promise((resolve, reject) => {
    const onClose = () => resolve(CLOSED);
    signal.addEventListener('abort', onClose, { once: true });
    step.then(resolve, reject).finally(() => signal.removeEventListener('abort', onClose));
  });
}
