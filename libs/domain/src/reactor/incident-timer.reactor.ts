import { incidentAutoCloseDueAt } from '../incident/incident-auto-close.js';
import { dueSlaDeadlines } from '../incident/incident-sla.js';
import type { Incident } from '../incident/incident.state.js';
import type { CommandMetadata } from '../domain-command.js';
import { toEpochMs } from '../instant.js';
import type { ReactorCommand } from './reactor.js';

/** The timer reactor's cause: time passing, up to `now`, over an incident's state. */
export interface TimePassed {
  readonly now: string;
}

export interface IncidentTimerState {
  readonly incident: Incident;
  /** How long a RESOLVED incident waits for the caller before it closes by itself. */
  readonly autoCloseAfterDays: number;
}

/**
 * What has fallen due by `now`, in the order it fell due: every SLA threshold a late timer
 * missed (each event carries the instant it fell due), then the auto-close. There is no cause
 * event: the key names what fell due and when, and is the command id itself, so a timer that
 * crashed after sending, or read a row not yet updated, sends the same id again and acts once.
 */
export function reactToTimePassing({ now }: TimePassed, { incident, autoCloseAfterDays }: IncidentTimerState): ReactorCommand[] {
  const metadata: CommandMetadata = { now };
  const effect = (what: string, at: string, command: Extract<ReactorCommand, { kind: 'incident' }>['command']): ReactorCommand => ({
    kind: 'incident',
    tenant: incident.tenant,
    recordId: incident.incidentId,
    key: `timer:${incident.incidentId}:${what}:${at}`,
    command,
  });
  const sla = dueSlaDeadlines(incident, now).map(({ timer, threshold, at }) =>
    effect(
      `SLA_${threshold}:${timer}`,
      at,
      threshold === 'WARNING' ? { type: 'RecordIncidentSlaWarning', data: { timer }, metadata } : { type: 'RecordIncidentSlaBreach', data: { timer }, metadata },
    ),
  );
  const closeAt = incidentAutoCloseDueAt(incident, autoCloseAfterDays);
  const close =
    closeAt !== null && toEpochMs(closeAt) <= toEpochMs(now)
      ? [effect('AUTO_CLOSE', closeAt, { type: 'CloseIncident', data: { automatic: true, autoCloseAfterDays }, metadata })]
      : [];
  return [...sla, ...close];
}
