import { incidentSlaTimerNames, type IncidentEvent, type IncidentSlaTimer } from '#events';
import { DomainError } from '../domain-error.js';
import { requireIncident } from './incident.guards.js';
import { requireOneOf } from '../shared/input.guards.js';
import { evolveExistingIncident, type Incident, type IncidentState } from './incident.state.js';
import { dueSlaDeadlines, type SlaDeadline, type SlaThreshold } from './incident-sla.js';

function slaEvent(incident: Incident, { timer, threshold, at }: SlaDeadline): IncidentEvent {
  const data = {
    timer,
    priority: incident.priority,
    targetMinutes: incident.sla.timers[timer].targetMinutes,
    at,
  };
  return threshold === 'WARNING'
    ? { type: 'IncidentSlaWarningReached', data }
    : { type: 'IncidentSlaBreached', data };
}

function dueSlaEvents(incident: Incident, now: string): IncidentEvent[] {
  return dueSlaDeadlines(incident, now).map((deadline) => slaEvent(incident, deadline));
}

/**
 * For commands that stop, pause or retarget a timer. Thresholds that fell due while it ran but
 * that the timer worker has not recorded yet are recorded first, so a late worker cannot lose a
 * breach; thresholds a new target has already passed are recorded after.
 */
export function withSlaCatchUp(
  incident: Incident,
  now: string,
  decided: readonly IncidentEvent[],
): IncidentEvent[] {
  const before = dueSlaEvents(incident, now);
  const after = dueSlaEvents([...before, ...decided].reduce(evolveExistingIncident, incident), now);
  return [...before, ...decided, ...after];
}

/**
 * The timer worker's command. Refused, appending nothing, unless the threshold has really
 * fallen due by `now` and is still unrecorded on a timer that has not stopped: a duplicate or
 * stale firing is harmless. A breach also records a warning the worker had not got to yet.
 */
export function decideSlaRecord(
  timer: IncidentSlaTimer,
  threshold: SlaThreshold,
  state: IncidentState,
  now: string,
): IncidentEvent[] {
  const incident = requireIncident(state);
  requireOneOf(timer, incidentSlaTimerNames, 'timer');
  const { stop, warned, breached } = incident.sla.timers[timer];
  const refuse = (why: string) =>
    DomainError.invalidTransition(
      `Cannot record the ${timer} SLA ${threshold} of ${incident.number}: ${why}`,
    );
  if (stop !== null) throw refuse(`the timer is ${stop.outcome}`);
  if (threshold === 'WARNING' ? warned : breached) throw refuse('already recorded');
  const due = dueSlaDeadlines(incident, now).filter(
    (deadline) =>
      deadline.timer === timer && (threshold === 'BREACH' || deadline.threshold === 'WARNING'),
  );
  if (!due.some((deadline) => deadline.threshold === threshold)) throw refuse('not due yet');
  return due.map((deadline) => slaEvent(incident, deadline));
}
