import type { DomainEvent } from './domain-event.js';

/**
 * Maps a domain event type to the name it is stored under. Stored names carry a version
 * (`incident.opened.v1`) and are never renamed; a new payload shape gets a new stored name and
 * an upcaster from the old one.
 */
export interface EventContract<E extends DomainEvent = DomainEvent> {
  readonly type: E['type'];
  readonly storedName: string;
}

/** Turns the payload of an older stored version into the shape of a newer one. */
export interface Upcaster {
  readonly from: string;
  readonly to: string;
  upcast(data: unknown): unknown;
}
