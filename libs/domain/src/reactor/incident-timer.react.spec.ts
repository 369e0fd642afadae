import { describe, expect, it } from '@jest/globals';
import type { IncidentEvent } from '#events';
import { foldEvents } from '../decider.js';
import { incidentDecider } from '../incident/incident.decider.js';
import type { Incident } from '../incident/incident.state.js';
import type { IncidentCommand } from '../incident/incident.commands.js';
import { msPerDay, toEpochMs, toInstant } from '../instant.js';
import { historyIn, opened, t } from '../testing/incident-fixtures.js';
import { thenCommands, thenNothing, type ReactorCase } from '../testing/reactor-specification.js';
import type { ReactorCommand } from './reactor.js';
import { reactToTimePassing, type IncidentTimerState, type TimePassed } from './incident-timer.reactor.js';

function given(events: readonly IncidentEvent[]): IncidentTimerState {
  return { incident: foldEvents(incidentDecider, events) as Incident, autoCloseAfterDays: 7 };
}

/** The command due at `now`, keyed (and so identified) by what fell due and when it did. */
function due(now: string, what: string, at: string, command: Pick<IncidentCommand, 'type' | 'data'>): ReactorCommand {
  return { kind: 'incident', tenant: 'tenant-a', recordId: 'incident-1', key: `timer:incident-1:${what}:${at}`, command: { ...command, metadata: { now } } as IncidentCommand };
}

const resolvedAt = t(3);
const closeDueAt = toInstant(toEpochMs(resolvedAt) + 7 * msPerDay);
const late = t(1500);

const cases: ReactorCase<TimePassed, IncidentTimerState>[] = [
  { name: 'nothing falls due before the first threshold', given: given([opened]), when: { now: t(89) }, then: thenNothing },
  {
    name: 'a late timer sends every threshold fallen due, earliest first, each naming when it fell due',
    given: given([opened]),
    when: { now: late },
    then: thenCommands(
      due(late, 'SLA_WARNING:RESPONSE', t(90), { type: 'RecordIncidentSlaWarning', data: { timer: 'RESPONSE' } }),
      due(late, 'SLA_BREACH:RESPONSE', t(120), { type: 'RecordIncidentSlaBreach', data: { timer: 'RESPONSE' } }),
      due(late, 'SLA_WARNING:RESOLUTION', t(1080), { type: 'RecordIncidentSlaWarning', data: { timer: 'RESOLUTION' } }),
      due(late, 'SLA_BREACH:RESOLUTION', t(1440), { type: 'RecordIncidentSlaBreach', data: { timer: 'RESOLUTION' } }),
    ),
  },
  {
    name: 'a resolved incident does not close a millisecond before its days have passed',
    given: given(historyIn.RESOLVED),
    when: { now: toInstant(toEpochMs(closeDueAt) - 1) },
    then: thenNothing,
  },
  {
    name: 'a resolved incident closes by itself once its days have passed',
    given: given(historyIn.RESOLVED),
    when: { now: closeDueAt },
    then: thenCommands(due(closeDueAt, 'AUTO_CLOSE', closeDueAt, { type: 'CloseIncident', data: { automatic: true, autoCloseAfterDays: 7 } })),
  },
  { name: 'nothing falls due for a closed incident', given: given(historyIn.CLOSED), when: { now: t(100_000) }, then: thenNothing },
];

describe('incident timer reactor', () => {
  it.each(cases)('$name', ({ given: state, when, then }) => {
    expect(reactToTimePassing(when, state)).toEqual(then);
  });
});
