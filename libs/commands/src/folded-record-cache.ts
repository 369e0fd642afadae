import { LRUCache } from 'lru-cache';
import type { Decider } from '#domain';
import type { DomainEvent } from '#events';
import { FoldedRecord } from './folded-record.js';

/**
 * Folded records by stream id, least recently used dropped first, weighed by their events: a
 * record's state and command ids grow with its events, so the sum of events bounds the memory
 * whether the cache holds many short records or a few long ones. A record heavier than the whole
 * cache is not kept, and its commands read the stream as they did before there was a cache.
 */
export class FoldedRecordCache {
  private readonly records: LRUCache<string, FoldedRecord<DomainEvent, unknown>>;

  constructor(maxEvents: number) {
    this.records = new LRUCache({ maxSize: maxEvents, sizeCalculation: (record) => record.weight });
  }

  /** The record as this process folded it with this decider; none if another decider did. */
  get<Event extends DomainEvent, State>(streamId: string, decider: Decider<never, Event, State>): FoldedRecord<Event, State> | undefined {
    const record = this.records.get(streamId);
    return record?.decider === decider ? (record as unknown as FoldedRecord<Event, State>) : undefined;
  }

  /** Stores a record, or weighs it again after it grew (dropping it if it outgrew the cache). */
  keep(streamId: string, record: FoldedRecord<DomainEvent, unknown>): void {
    // lru-cache weighs a value again only when a different one is set under the key.
    this.records.delete(streamId);
    if (record.exists) this.records.set(streamId, record);
  }

  forget(streamId: string): void {
    this.records.delete(streamId);
  }

  /** Events held across all records: never more than the cache was sized for. */
  get events(): number {
    return this.records.calculatedSize;
  }
}
