import { Inject, Injectable } from '@nestjs/common';
import { DomainError, type Decider } from '#domain';
import { canonicalRecordId, eventSerializer, recordStreamId, type DomainEvent, type RecordKind } from '#events';
import { StreamNotFoundError, type EventStore } from '#event-store';
import { EVENT_STORE } from '#infrastructure';

/**
 * Other records as a command on one record needs them (a change made from a template, a link to
 * an incident): from the event store, not a read model, so what the command decides on is what
 * was recorded. The tenant is part of every stream name: another tenant's record does not exist.
 */
@Injectable()
export class RecordStates {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** The record folded by its decider; the decider's initial state for an id that is no record. */
  async read<E extends DomainEvent, S>(kind: RecordKind, decider: Pick<Decider<never, E, S>, 'initialState' | 'evolve'>, tenant: string, id: string): Promise<S> {
    let state = decider.initialState;
    for await (const recorded of this.events(kind, tenant, id)) {
      state = decider.evolve(state, eventSerializer.deserialize<E>(recorded));
    }
    return state;
  }

  async exists(kind: RecordKind, tenant: string, id: string): Promise<boolean> {
    for await (const _event of this.events(kind, tenant, id, 1)) return true;
    return false;
  }

  /** For intents that link to another record: NOT_FOUND, naming the field, unless it exists in the tenant. */
  async requireExisting(kind: RecordKind, tenant: string, id: string, field: string): Promise<void> {
    if (!(await this.exists(kind, tenant, id))) throw new DomainError('NOT_FOUND', `No ${kind} ${id}`, field);
  }

  private async *events(kind: RecordKind, tenant: string, id: string, maxCount?: number) {
    const key = canonicalRecordId(id);
    if (!key) return;
    try {
      yield* this.store.readStream(recordStreamId(kind, tenant, key), maxCount === undefined ? undefined : { maxCount });
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
  }
}
