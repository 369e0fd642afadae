/**
 * Which event store a position belongs to. Positions of two stores look alike but mean nothing
 * to each other, so tokens and checkpoints carry this and are refused by another store.
 */
export interface StoreIdentity {
  readonly kind: StoreKind;
  /** A UUID the store was given when it was first set up; stable for the life of its log. */
  readonly instanceId: string;
}

export type StoreKind = 'postgres' | 'eventstoredb';

export function sameStore(a: StoreIdentity, b: StoreIdentity): boolean {
  return a.kind === b.kind && a.instanceId.toLowerCase() === b.instanceId.toLowerCase();
}

export function describeStore(store: StoreIdentity): string {
  return `${store.kind} store ${store.instanceId}`;
}
