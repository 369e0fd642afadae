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

  serialize(event: DomainEvent): StoredEventForm {
    const contract = this.byType.get(event.type);
    if (!contract) throw new UnknownEventTypeError(event.type);
    return { type: contract.storedName, data: event.data };
  }

  deserialize<E extends DomainEvent = DomainEvent>(stored: StoredEventForm): E {
    let { type, data } = stored;
    for (let upcaster = this.upcasters.get(type); upcaster; upcaster = this.upcasters.get(type)) {
      data = upcaster.upcast(data);
      type = upcaster.to;
    }
    const contract = this.byStoredName.get(type);
    if (!contract) throw new UnknownEventTypeError(stored.type);
    return { type: contract.type, data } as E;
  }
}
