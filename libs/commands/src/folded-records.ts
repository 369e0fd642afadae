import type { Decider } from '#domain';
import type { DomainEvent, EventSerializer } from '#events';
import { StreamNotFoundError, type AppendResult, type EventStore } from '#event-store';
import { FoldedRecordCache } from './folded-record-cache.js';
import { FoldedRecord } from './folded-record.js';

/**
 * The records this process has folded, so that a command on a record's 10,000th event reads no
 * more than one on its first: a record is read in full once, then only from where its fold
 * stopped (when a conflict, an id-derived append or a doubtful answer calls for it).
 */
export class FoldedRecords {
  private readonly cache: FoldedRecordCache;

  constructor(
    private readonly eventStore: EventStore,
    private readonly serializer: EventSerializer,
    maxEvents: number,
  ) {
    this.cache = new FoldedRecordCache(maxEvents);
  }

  /** The record as last folded here, without reading; none when not cached. */
  cached<Event extends DomainEvent, State>(
    streamId: string,
    decider: Decider<never, Event, State>,
  ): FoldedRecord<Event, State> | undefined {
    return this.cache.get(streamId, decider);
  }

  /**
   * The record folded up to the last event the store holds now: the cached fold caught up, or,
   * when none is cached, the whole stream folded. A record without events when it does not exist.
   */
  async current<Event extends DomainEvent, State>(
    streamId: string,
    decider: Decider<never, Event, State>,
  ): Promise<FoldedRecord<Event, State>> {
    const record = this.cache.get(streamId, decider) ?? new FoldedRecord(decider);
    try {
      // From the last folded event itself, not the one after: a stream with nothing new then
      // answers with that one event instead of an empty page that needs a second look.
      const fromRevision = record.exists ? record.revision : 0n;
      for await (const recorded of this.eventStore.readStream(streamId, { fromRevision })) {
        if (recorded.revision > record.revision) record.fold(recorded, this.serializer.deserialize<Event>(recorded));
      }
    } catch (error) {
      // Part-folded, or the stream is gone: either way the cached fold is not to be trusted.
      this.cache.forget(streamId);
      if (error instanceof StreamNotFoundError) return new FoldedRecord(decider);
      throw error;
    }
    record.mayBeBehind = false;
    this.cache.keep(streamId, record);
    return record;
  }

  /**
   * The state right after `version`, for answering a retried command with its first result.
   * Usually the record's latest event; otherwise the stream is folded from the start that far,
   * which only retries of commands older than the record's last one pay for.
   */
  async stateAt<Event extends DomainEvent, State>(
    streamId: string,
    record: FoldedRecord<Event, State>,
    version: bigint,
  ): Promise<State> {
    if (version === record.revision) return record.state;
    const earlier = new FoldedRecord(record.decider);
    for await (const recorded of this.eventStore.readStream(streamId, { maxCount: Number(version) + 1 })) {
      earlier.fold(recorded, this.serializer.deserialize<Event>(recorded));
    }
    return earlier.state;
  }

  /**
   * After an append: events under fresh ids are this process's own, and the state after them is
   * kept at once. Ids derived from a command id may have been used by an earlier append of the
   * same command (the store then answers with that append's result, whose events may differ in
   * what the server added, such as the clock), so those are read back before the next command.
   */
  appended<Event extends DomainEvent, State>(
    streamId: string,
    record: FoldedRecord<Event, State>,
    state: State,
    result: AppendResult,
    idsDerived: boolean,
  ): void {
    if (idsDerived) {
      record.mayBeBehind = true;
      return;
    }
    record.appended(state, result);
    this.cache.keep(streamId, record);
  }

  /** Events held by the cached records. */
  get cachedEvents(): number {
    return this.cache.events;
  }
}
