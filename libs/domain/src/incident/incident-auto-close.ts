import { msPerDay, toEpochMs, toInstant } from '../instant.js';
import type { Incident } from './incident.state.js';

/**
 * When a RESOLVED incident closes by itself (ServiceNow's auto-close after N days without the
 * caller objecting), or null when it is not RESOLVED. N is a tenant setting the caller passes.
 */
export function incidentAutoCloseDueAt(
  incident: Incident,
  autoCloseAfterDays: number,
): string | null {
  if (!Number.isFinite(autoCloseAfterDays) || autoCloseAfterDays < 0) {
    throw new RangeError('autoCloseAfterDays must be a non-negative number');
  }
  if (incident.status !== 'RESOLVED' || incident.resolution === null) return null;
  return toInstant(toEpochMs(incident.resolution.at) + autoCloseAfterDays * msPerDay);
}
