import type { Incident, SlaThreshold } from '#domain';
import type { IncidentSlaTimer } from '#events';

/** What falls due: an SLA threshold of one timer (`SLA_WARNING:RESPONSE`), or the auto-close. */
export type IncidentTimerKind = `SLA_${SlaThreshold}:${IncidentSlaTimer}` | 'AUTO_CLOSE';

export interface IncidentTimerDue {
  readonly at: string;
  readonly kind: IncidentTimerKind;
}

/** A row of `incident_timers`: the next instant at which the timer worker has something to do. */
export interface IncidentTimerRow {
  readonly tenant: string;
  readonly incidentId: string;
  /**
   * The incident folded by the domain's `evolve`. Kept here rather than read from `incidents`,
   * so this read model never depends on how far another projection has got.
   */
  readonly incident: Incident;
  /** Null while nothing can fall due (on hold, every threshold recorded). */
  readonly due: IncidentTimerDue | null;
}
