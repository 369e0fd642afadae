import type { DomainEvent } from './domain-event.js';
import type { EventContract, Upcaster } from './event-contract.js';

export class UnknownEventTypeError extends Error {
  constructor(readonly eventType: string) {
    super(`No event contract for "${eventType}"`);
    this.name = 'UnknownEventTypeError';
  }
}

export interface StoredEventForm {
  readonly type: string;
  readonly data: unknown;
}

/**
 * Converts between domain events and their stored form, applying upcasters so that code only
 * ever sees the newest shape of each event.
 */
export class EventSerializer {
  private readonly byType = new Map<string, EventContract>();
  private readonly byStoredName = new Map<string, EventContract>();
  private readonly upcasters = new Map<string, Upcaster>();
  private readonly decoded = new WeakMap<StoredEventForm, DomainEvent>();

  constructor(contracts: readonly EventContract[], upcasters: readonly Upcaster[] = []) {
    for (const contract of contracts) {
      if (this.byType.has(contract.type) || this.byStoredName.has(contract.storedName)) {
        throw new Error(`Duplicate event contract ${contract.type} / ${contract.storedName}`);
      }
      this.byType.set(contract.type, contract);
      this.byStoredName.set(contract.storedName, contract);
    }
    for (const upcaster of upcasters) this.upcasters.set(upcaster.from, upcaster);
  }

  knows(storedName: string): boolean {
    return this.byStoredName.has(storedName) || this.upcasters.has(storedName);
  }

  /** The domain type a stored name reads as once upcast (`ProblemResolved`), if this code knows it. */
  domainTypeOf(storedName: string): string | undefined {
    let type = storedName;
    for (let upcaster = this.upcasters.get(type); upcaster; upcaster = this.upcasters.get(type)) type = upcaster.to;
    return this.byStoredName.get(type)?.type;
  }

  serialize(event: DomainEvent): StoredEventForm {
    const contract = this.byType.get(event.type);
    if (!contract) throw new UnknownEventTypeError(event.type);
    return { type: contract.storedName, data: event.data };
  }

  /**
   * Decoded once per stored event object: every follower handed the same recorded event shares
   * one upcast result, which nobody may mutate.
   */
  deserialize<E extends DomainEvent = DomainEvent>(stored: StoredEventForm): E {
    let decoded = this.decoded.get(stored);
    if (!decoded) {
      decoded = this.decode(stored);
      this.decoded.set(stored, decoded);
    }
    return decoded as E;
  }

  private decode(stored: StoredEventForm): DomainEvent {
    let { type, data } = stored;
    for (let upcaster = this.upcasters.get(type); upcaster; upcaster = this.upcasters.get(type)) {
      data = upcaster.upcast(data);
      type = upcaster.to;
    }
    const contract = this.byStoredName.get(type);
    if (!contract) throw new UnknownEventTypeError(stored.type);
    return { type: contract.type, data } as DomainEvent;
  }
}
