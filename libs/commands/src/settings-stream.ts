import type { Decider } from '#domain';
import { eventSerializer, type DomainEvent } from '#events';
import { StreamNotFoundError, type EventStore } from '#event-store';

/**
 * How long a process trusts settings it has read. Commands read them often (every incident open,
 * every change submission), so they are not read from the store every time; a change made
 * through another API replica takes effect here within this time, one made through this process
 * at once (see `forget`).
 */
const CACHE_MS = 5_000;

interface Cached<State> {
  readonly expiresAt: number;
  readonly state: Promise<State>;
}

/**
 * One stream of settings per tenant, folded with its decider and cached per tenant. A tenant
 * changes settings rarely, so folding the whole stream is cheap.
 */
export class SettingsStream<State> {
  private readonly cache = new Map<string, Cached<State>>();

  constructor(
    private readonly store: EventStore,
    private readonly decider: Pick<Decider<never, DomainEvent, State>, 'initialState'> & {
      evolve(state: State, event: never): State;
    },
    readonly streamIdOf: (tenant: string) => string,
  ) {}

  /** Concurrent callers share one read; a failed read is not kept. */
  get(tenant: string): Promise<State> {
    const cached = this.cache.get(tenant);
    if (cached && cached.expiresAt > Date.now()) return cached.state;
    const state = this.read(tenant);
    this.cache.set(tenant, { expiresAt: Date.now() + CACHE_MS, state });
    state.catch(() => {
      if (this.cache.get(tenant)?.state === state) this.cache.delete(tenant);
    });
    return state;
  }

  /** After this process changed the tenant's settings. */
  forget(tenant: string): void {
    this.cache.delete(tenant);
  }

  private async read(tenant: string): Promise<State> {
    let state = this.decider.initialState;
    try {
      for await (const recorded of this.store.readStream(this.streamIdOf(tenant))) {
        state = this.decider.evolve(state, eventSerializer.deserialize(recorded) as never);
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return state;
  }
}
