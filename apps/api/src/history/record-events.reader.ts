import { Inject, Injectable } from '@nestjs/common';
import { canonicalRecordId, RECORD_KIND_NAMES, recordStreamId, type RecordKind } from '#events';
import { StreamNotFoundError, type EventStore, type RecordedEvent } from '#event-store';
import { QUERY_EVENT_STORE } from '#infrastructure';

/**
 * Reads a record's events straight from the event store, never from read models: what auditors
 * see is what was stored. The tenant is part of the stream name, so another tenant's record is
 * simply an empty stream.
 */
@Injectable()
export class RecordEventsReader {
  constructor(@Inject(QUERY_EVENT_STORE) private readonly store: EventStore) {}

  /** Every event of the record, in order; empty when it does not exist in the tenant. */
  async read(kind: RecordKind, tenant: string, id: string): Promise<RecordedEvent[]> {
    const key = canonicalRecordId(id);
    if (!key) return [];
    const events: RecordedEvent[] = [];
    try {
      for await (const event of this.store.readStream(recordStreamId(kind, tenant, key))) events.push(event);
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return events;
  }

  /** The events of whichever kind of record has this id (ids are UUIDs, so at most one); undefined for none. */
  async readAnyKind(tenant: string, id: string): Promise<{ kind: RecordKind; events: RecordedEvent[] } | undefined> {
    for (const kind of RECORD_KIND_NAMES) {
      const events = await this.read(kind, tenant, id);
      if (events.length > 0) return { kind, events };
    }
    return undefined;
  }
}
