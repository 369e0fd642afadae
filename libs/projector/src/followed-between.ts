import { comparePositions, isAfter, type EventStore, type Position } from '#event-store';
import { recordStreamPrefix, RECORD_KIND_NAMES } from '#events';
import { followsEvent, type FollowedEvents } from '#read-model';

/** Beyond this many events to look through, a caller waits for the checkpoint instead. */
const MAX_SCANNED = 5_000;

/**
 * Whether the log holds nothing a follower follows after its checkpoint `after` up to and
 * including `through`, so that its read model is as of `through` although its checkpoint lags
 * (followers move it lazily over events they ignore). Only decided once `through` is visible to
 * readers, when nothing can still appear before it; until then, and past MAX_SCANNED events, no.
 */
export async function nothingFollowedBetween(
  eventStore: EventStore,
  follows: FollowedEvents,
  after: Position | undefined,
  through: Position,
): Promise<boolean> {
  if (!(await isVisible(eventStore, through))) return false;
  const streamPrefixes = RECORD_KIND_NAMES.filter((kind) => follows[kind]).map(recordStreamPrefix);
  if (streamPrefixes.length === 0) return true;
  let scanned = 0;
  for await (const event of eventStore.readAll({ fromPosition: after, maxCount: MAX_SCANNED, filter: { streamPrefixes } })) {
    scanned += 1;
    if (after && !isAfter(event.position, after)) continue;
    if (isAfter(event.position, through)) return true;
    if (followsEvent(follows, event)) return false;
  }
  return scanned < MAX_SCANNED;
}

async function isVisible(eventStore: EventStore, position: Position): Promise<boolean> {
  for await (const event of eventStore.readAll({ fromPosition: position, maxCount: 1 })) {
    return comparePositions(event.position, position) >= 0;
  }
  return false;
}
