import { describe, expect, it } from '@jest/globals';
import { foldEvents, incidentDecider, msPerDay, toEpochMs, toInstant, type Incident } from '#domain';
import type { IncidentEvent } from '#events';
import { event, historyIn, opened, t } from '#domain/testing';
import { nextIncidentTimerDue } from './incident-timer-due.js';

function fold(events: readonly IncidentEvent[]): Incident {
  return foldEvents(incidentDecider, events)!;
}

const responseWarned = event('IncidentSlaWarningReached', { timer: 'RESPONSE', priority: 'P3', targetMinutes: 120, at: t(90) });

describe('nextIncidentTimerDue (default incident: P3, response 120 min, resolution 1440 min)', () => {
  it.each([
    ['NEW: the response warning at 75 %', [opened], { at: t(90), kind: 'SLA_WARNING:RESPONSE' }],
    ['NEW, warned: the response breach', [opened, responseWarned], { at: t(120), kind: 'SLA_BREACH:RESPONSE' }],
    ['IN_PROGRESS: the resolution warning', historyIn.IN_PROGRESS, { at: t(1080), kind: 'SLA_WARNING:RESOLUTION' }],
    ['ON_HOLD: nothing while the clock is paused', historyIn.ON_HOLD, null],
    ['RESOLVED: the auto-close, 7 days on', historyIn.RESOLVED, { at: toInstant(toEpochMs(t(3)) + 7 * msPerDay), kind: 'AUTO_CLOSE' }],
    ['CLOSED: nothing', historyIn.CLOSED, null],
    ['CANCELED: nothing', historyIn.CANCELED, null],
  ] as const)('%s', (_name, history, expected) => {
    expect(nextIncidentTimerDue(fold(history), 7)).toEqual(expected);
  });
});
