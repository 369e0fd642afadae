import { Inject, Injectable } from '@nestjs/common';
import { canonicalRecordId, eventSerializer, recordStreamId } from '#events';
import { StreamNotFoundError, type EventStore } from '#event-store';
import { EVENT_STORE } from '#infrastructure';
import type { AnyRecordDefinition } from './record-definition.js';

/**
 * A record's current state folded from its own stream, for commands on other records that
 * depend on it (a change made from a template). The event store, not a read model: what the
 * command decides on is what was recorded.
 */
@Injectable()
export class RecordStates {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** The decider's initial state (none) for an id that is no record of the tenant. */
  async read<State>(definition: Pick<AnyRecordDefinition, 'kind'> & { decider: { initialState: State; evolve(state: State, event: never): State } }, tenant: string, id: string): Promise<State> {
    const { initialState, evolve } = definition.decider;
    const key = canonicalRecordId(id);
    let state = initialState;
    if (!key) return state;
    try {
      for await (const recorded of this.store.readStream(recordStreamId(definition.kind, tenant, key))) {
        state = evolve(state, eventSerializer.deserialize(recorded) as never);
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return state;
  }
}
