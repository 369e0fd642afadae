import {
  dueSlaDeadlines,
  incidentAutoCloseDueAt,
  toEpochMs,
  type CommandMetadata,
  type Incident,
  type IncidentCommand,
} from '#domain';
import type { IncidentTimerKind } from '#read-model';

export interface TimerCommand {
  readonly command: IncidentCommand;
  /**
   * Derived from what fell due and when, so a worker that crashed after appending, or one
   * working from a row the projection has not updated yet, sends the same id again and the
   * executor answers with the earlier result instead of appending twice.
   */
  readonly commandId: string;
}

function timerCommandId(incident: Incident, kind: IncidentTimerKind, at: string): string {
  return `timer:${incident.incidentId}:${kind}:${at}`;
}

/**
 * Everything that has fallen due by `now`, in the order it fell due: every SLA threshold a late
 * worker missed (each event carries the instant it fell due), then the auto-close.
 */
export function dueIncidentTimerCommands(incident: Incident, now: string, autoCloseAfterDays: number): TimerCommand[] {
  const metadata: CommandMetadata = { now };
  const sla = dueSlaDeadlines(incident, now).map(({ timer, threshold, at }): TimerCommand => ({
    commandId: timerCommandId(incident, `SLA_${threshold}:${timer}`, at),
    command:
      threshold === 'WARNING'
        ? { type: 'RecordIncidentSlaWarning', data: { timer }, metadata }
        : { type: 'RecordIncidentSlaBreach', data: { timer }, metadata },
  }));
  const closeAt = incidentAutoCloseDueAt(incident, autoCloseAfterDays);
  const close: TimerCommand[] =
    closeAt !== null && toEpochMs(closeAt) <= toEpochMs(now)
      ? [
          {
            commandId: timerCommandId(incident, 'AUTO_CLOSE', closeAt),
            command: { type: 'CloseIncident', data: { automatic: true, autoCloseAfterDays }, metadata },
          },
        ]
      : [];
  return [...sla, ...close];
}
