import { randomUUID } from 'node:crypto';
import type { NewEvent } from '#event-store';
import { incidentHistory } from './incident-history.js';

/**
 * Realistic payloads (an incident opening) in streams outside the `incident-` prefix, so the
 * projector of a later benchmark skips them instead of building rows from them.
 */
export function benchStream(index: number): { streamId: string; event: NewEvent } {
  return { streamId: `bench-${randomUUID()}`, event: incidentHistory(index).events[0]! };
}
