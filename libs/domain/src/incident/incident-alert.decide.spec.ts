import { describe, expect, it } from '@jest/globals';
import type { IncidentEvent } from '#events';
import { foldEvents } from '../decider.js';
import { decideAfter, thenEvents, thenRefused, type DeciderCase } from '../testing/decider-specification.js';
import { command, event, historyIn, opened, openData, t } from '../testing/incident-fixtures.js';
import type { IncidentAlert, IncidentCommand } from './incident.commands.js';
import { incidentDecider } from './incident.decider.js';

const alert: IncidentAlert = { source: 'prometheus', fingerprint: 'mail-latency', severity: 'CRITICAL', summary: 'Mail slow' };
const received = (minutes = 10, summary = 'Mail slow') =>
  event('IncidentAlertReceived', { ...alert, summary, at: t(minutes) });
const raise = (open: typeof openData | null, summary = 'Mail slow') =>
  command('RaiseIncidentAlert', { open, alert: { ...alert, summary } });
const clear = (resolve: boolean) => command('ClearIncidentAlert', { resolve });
const nothing = thenEvents<IncidentEvent>();

const cases: DeciderCase<IncidentCommand, IncidentEvent>[] = [
  {
    name: 'the first alert opens the incident and counts as its first occurrence',
    given: [],
    when: raise(openData),
    then: thenEvents<IncidentEvent>(event('IncidentOpened', { ...opened.data, openedAt: t(10) }), received()),
  },
  { name: 'a repeat without incident fields finds none to count on', given: [], when: raise(null), then: thenRefused('NOT_FOUND') },
  ...(['NEW', 'IN_PROGRESS', 'ON_HOLD'] as const).map((status) => ({
    name: `a repeat counts on an incident ${status}, whatever it says now`,
    given: [...historyIn[status], received(1)],
    when: raise(null, 'Mail very slow'),
    then: thenEvents<IncidentEvent>(received(10, 'Mail very slow')),
  })),
  {
    name: 'racing openers: the second counts on the incident the first opened',
    given: [opened, received(1)],
    when: raise(openData),
    then: thenEvents<IncidentEvent>(received()),
  },
  ...(['RESOLVED', 'CLOSED', 'CANCELED'] as const).map((status) => ({
    name: `refuses a repeat on an incident ${status}: the alert's next episode opens another`,
    given: historyIn[status],
    when: raise(null),
    then: thenRefused('INVALID_TRANSITION'),
  })),
  { name: 'refuses an unknown severity', given: [opened], when: command('RaiseIncidentAlert', { open: null, alert: { ...alert, severity: 'HUGE' as never } }), then: thenRefused('BAD_USER_INPUT', 'severity') },
  { name: 'a clear is recorded while the tenant keeps incidents open on clears', given: [opened, received(1)], when: clear(false), then: thenEvents<IncidentEvent>(event('IncidentAlertCleared', { at: t(10) })) },
  {
    name: 'a clear resolves when the tenant says so',
    given: [opened, received(1)],
    when: clear(true),
    then: thenEvents<IncidentEvent>(
      event('IncidentAlertCleared', { at: t(10) }),
      event('IncidentResolved', { resolutionCode: 'CLEARED_BY_MONITORING', resolutionNotes: 'The alert was cleared by prometheus', at: t(10) }),
    ),
  },
  { name: 'a second clear changes nothing', given: [opened, received(1), event('IncidentAlertCleared', { at: t(2) })], when: clear(true), then: nothing },
  { name: 'a clear after people resolved it changes nothing', given: [...historyIn.RESOLVED], when: clear(true), then: nothing },
  { name: 'a clear of an incident no alert opened changes nothing', given: [opened], when: clear(true), then: nothing },
];

describe('incident: monitoring alerts', () => {
  it.each(cases)('$name', ({ given, when, then }) => {
    expect(decideAfter(incidentDecider, given, when)).toEqual(then);
  });

  it('counts occurrences and keeps first and last seen; a repeat after a clear fires again', () => {
    const incident = foldEvents(incidentDecider, [opened, received(1), received(5, 'Mail very slow'), event('IncidentAlertCleared', { at: t(6) }), received(8)]);
    expect(incident!.alert).toEqual({ ...alert, occurrences: 3, firstSeenAt: t(1), lastSeenAt: t(8), clearedAt: null });
  });
});
