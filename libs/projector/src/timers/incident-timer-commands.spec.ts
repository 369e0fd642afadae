import { describe, expect, it } from '@jest/globals';
import { foldEvents, incidentDecider, msPerDay, toEpochMs, toInstant, type Incident } from '#domain';
import type { IncidentEvent } from '#events';
import { historyIn, opened, t } from '#domain/testing';
import { dueIncidentTimerCommands } from './incident-timer-commands.js';

function fold(events: readonly IncidentEvent[]): Incident {
  return foldEvents(incidentDecider, events)!;
}

function summary(incident: Incident, now: string) {
  return dueIncidentTimerCommands(incident, now, 7).map(({ command, commandId }) => ({
    type: command.type,
    data: command.data,
    commandId,
  }));
}

describe('dueIncidentTimerCommands', () => {
  it('sends nothing before the first threshold', () => {
    expect(summary(fold([opened]), t(89))).toEqual([]);
  });

  it('sends one command per threshold fallen due, earliest first, with ids naming what fell due when', () => {
    expect(summary(fold([opened]), t(1500))).toEqual([
      { type: 'RecordIncidentSlaWarning', data: { timer: 'RESPONSE' }, commandId: `timer:incident-1:SLA_WARNING:RESPONSE:${t(90)}` },
      { type: 'RecordIncidentSlaBreach', data: { timer: 'RESPONSE' }, commandId: `timer:incident-1:SLA_BREACH:RESPONSE:${t(120)}` },
      { type: 'RecordIncidentSlaWarning', data: { timer: 'RESOLUTION' }, commandId: `timer:incident-1:SLA_WARNING:RESOLUTION:${t(1080)}` },
      { type: 'RecordIncidentSlaBreach', data: { timer: 'RESOLUTION' }, commandId: `timer:incident-1:SLA_BREACH:RESOLUTION:${t(1440)}` },
    ]);
  });

  it('closes a resolved incident once its days have passed, not a millisecond before', () => {
    const resolved = fold(historyIn.RESOLVED);
    const dueAt = toInstant(toEpochMs(t(3)) + 7 * msPerDay);
    expect(summary(resolved, toInstant(toEpochMs(dueAt) - 1))).toEqual([]);
    expect(summary(resolved, dueAt)).toEqual([
      { type: 'CloseIncident', data: { automatic: true, autoCloseAfterDays: 7 }, commandId: `timer:incident-1:AUTO_CLOSE:${dueAt}` },
    ]);
  });

  it('sends nothing for a closed incident', () => {
    expect(summary(fold(historyIn.CLOSED), t(100_000))).toEqual([]);
  });
});
