import { eventTypeFilter, excludeSystemEvents, streamNameFilter, type Filter } from '@eventstore/db-client';
import type { LogFilter } from '../event-store.port.js';

/** EventStoreDB's own streams and events are named with a leading `$`. */
const SYSTEM_PREFIX = '$';

function prefixesOf(filter: LogFilter): readonly string[] {
  return 'streamPrefixes' in filter ? filter.streamPrefixes : filter.eventTypePrefixes;
}

/** The server-side filter of a subscription; without one, the server leaves out system events. */
export function toSubscriptionFilter(filter: LogFilter | undefined): Filter {
  if (!filter || prefixesOf(filter).length === 0) return excludeSystemEvents();
  return 'streamPrefixes' in filter
    ? streamNameFilter({ prefixes: [...filter.streamPrefixes] })
    : eventTypeFilter({ prefixes: [...filter.eventTypePrefixes] });
}

/**
 * Whether the port shows an event read from `$all`: never one of a system stream, not a system
 * event unless a filter asks for event types, and otherwise what the filter's prefixes match (an
 * empty prefix list filters nothing, as in the PostgreSQL adapter). Client 6.2.1 cannot filter
 * `readAll` on the server, so reads apply this themselves; subscriptions apply it on top of the
 * server's filter.
 */
export function isVisibleInLog(
  event: { readonly streamId: string; readonly type: string },
  filter?: LogFilter,
): boolean {
  if (event.streamId.startsWith(SYSTEM_PREFIX)) return false;
  if (!filter || prefixesOf(filter).length === 0) return !event.type.startsWith(SYSTEM_PREFIX);
  const subject = 'streamPrefixes' in filter ? event.streamId : event.type;
  return prefixesOf(filter).some((prefix) => subject.startsWith(prefix));
}
