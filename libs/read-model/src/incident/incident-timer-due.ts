import { incidentAutoCloseDueAt, nextSlaDeadline, toEpochMs, type Incident } from '#domain';
import type { IncidentTimerDue } from './incident-timer-row.js';

/**
 * The next instant the timer worker has something to do for the incident: the earliest SLA
 * threshold still to record or, once RESOLVED, the auto-close. Null while nothing can fall due.
 */
export function nextIncidentTimerDue(incident: Incident, autoCloseAfterDays: number): IncidentTimerDue | null {
  const sla = nextSlaDeadline(incident);
  const autoCloseAt = incidentAutoCloseDueAt(incident, autoCloseAfterDays);
  const candidates: IncidentTimerDue[] = [
    ...(sla ? [{ at: sla.at, kind: `SLA_${sla.threshold}:${sla.timer}` as const }] : []),
    ...(autoCloseAt ? [{ at: autoCloseAt, kind: 'AUTO_CLOSE' as const }] : []),
  ];
  return candidates.sort((a, b) => toEpochMs(a.at) - toEpochMs(b.at))[0] ?? null;
}
