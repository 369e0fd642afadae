import { eventSerializer, parseRecordStreamId, RECORD_KIND_NAMES, type RecordKind } from '#events';
import type { RecordedEvent } from '#event-store';

/**
 * What a follower of the log reads, by record kind: every event of that kind's streams, or only
 * some domain event types (`ProblemResolved`, never stored names, so renaming or upcasting a
 * stored name changes no follower). Everything else in the log costs it nothing: it is never
 * handed the event, opens no transaction for it, and moves its checkpoint past it lazily.
 */
export type FollowedEvents = { readonly [kind in RecordKind]?: 'all' | readonly string[] };

/** Whether a follower declaring `follows` handles this event of the log. */
export function followsEvent(follows: FollowedEvents, event: Pick<RecordedEvent, 'streamId' | 'type'>): boolean {
  const kind = RECORD_KIND_NAMES.find((candidate) => follows[candidate] && parseRecordStreamId(candidate, event.streamId));
  const types = kind && follows[kind];
  if (!types) return false;
  if (types === 'all') return true;
  const type = eventSerializer.domainTypeOf(event.type);
  return type !== undefined && types.includes(type);
}
