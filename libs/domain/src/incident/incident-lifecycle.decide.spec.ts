import { describe, expect, it } from '@jest/globals';
import type { IncidentEvent, IncidentHoldReason, IncidentResolutionCode } from '#events';
import { foldEvents } from '../decider.js';
import {
  decideAfter,
  thenEvents,
  thenRefused,
  type DeciderCase,
} from '../testing/decider-specification.js';
import {
  command,
  event,
  historyIn,
  opened,
  openData,
  reopened,
  resolved,
  slaPolicy,
  t,
} from '../testing/incident-fixtures.js';
import type { IncidentCommand, OpenIncident } from './incident.commands.js';
import { incidentDecider } from './incident.decider.js';
import type { Incident } from './incident.state.js';
import { incidentAutoCloseDueAt } from './incident-auto-close.js';

type Case = DeciderCase<IncidentCommand, IncidentEvent>;

/** Open with some data changed, deliberately wrong values included. */
const open = (changes: Partial<Record<keyof OpenIncident['data'], unknown>>) =>
  command('OpenIncident', { ...openData, ...changes } as OpenIncident['data'], 0);

const fiveDays = 5 * 24 * 60;

const openCases: Case[] = [
  {
    name: 'opens a P3 incident with the P3 targets',
    given: [],
    when: open({}),
    then: thenEvents(opened),
  },
  {
    name: 'derives P1 from impact 1 x urgency 1 and takes the P1 targets',
    given: [],
    when: open({ impact: 1, urgency: 1 }),
    then: thenEvents(
      event('IncidentOpened', {
        ...opened.data,
        impact: 1,
        urgency: 1,
        priority: 'P1',
        slaTargets: { responseMinutes: 15, resolutionMinutes: 240 },
      }),
    ),
  },
  {
    name: 'stays NEW when opened pre-assigned, without an affected service',
    given: [],
    when: open({ assignee: 'alice', serviceId: null }),
    then: thenEvents(
      event('IncidentOpened', { ...opened.data, assignee: 'alice', serviceId: null }),
    ),
  },
  {
    name: 'records the instant in canonical UTC form',
    given: [],
    when: { ...open({}), metadata: { now: '2025-03-03T10:00:00+01:00' } },
    then: thenEvents(opened),
  },
  {
    name: 'refuses a blank title',
    given: [],
    when: open({ title: '  ' }),
    then: thenRefused('BAD_USER_INPUT', 'title'),
  },
  {
    name: 'refuses a missing caller',
    given: [],
    when: open({ callerId: '' }),
    then: thenRefused('BAD_USER_INPUT', 'callerId'),
  },
  {
    name: 'refuses a blank category',
    given: [],
    when: open({ category: '' }),
    then: thenRefused('BAD_USER_INPUT', 'category'),
  },
  {
    name: 'refuses a blank service id',
    given: [],
    when: open({ serviceId: ' ' }),
    then: thenRefused('BAD_USER_INPUT', 'serviceId'),
  },
  {
    name: 'refuses a blank assignee',
    given: [],
    when: open({ assignee: '' }),
    then: thenRefused('BAD_USER_INPUT', 'assignee'),
  },
  {
    name: 'refuses impact 0',
    given: [],
    when: open({ impact: 0 }),
    then: thenRefused('BAD_USER_INPUT', 'impact'),
  },
  {
    name: 'refuses impact 4',
    given: [],
    when: open({ impact: 4 }),
    then: thenRefused('BAD_USER_INPUT', 'impact'),
  },
  {
    name: 'refuses a fractional urgency',
    given: [],
    when: open({ urgency: 1.5 }),
    then: thenRefused('BAD_USER_INPUT', 'urgency'),
  },
  {
    name: 'refuses to open an incident twice',
    given: [opened],
    when: open({}),
    then: thenRefused('INVALID_TRANSITION'),
  },
];

const moveCases: Case[] = [
  {
    name: 'starts work on a NEW incident',
    given: historyIn.NEW,
    when: command('StartIncidentWork', {}),
    then: thenEvents(event('IncidentWorkStarted', { at: t(10) })),
  },
  {
    name: 'puts an IN_PROGRESS incident on hold with its reason',
    given: historyIn.IN_PROGRESS,
    when: command('PutIncidentOnHold', { holdReason: 'AWAITING_VENDOR' }),
    then: thenEvents(event('IncidentPutOnHold', { holdReason: 'AWAITING_VENDOR', at: t(10) })),
  },
  {
    name: 'refuses an unknown hold reason',
    given: historyIn.IN_PROGRESS,
    when: command('PutIncidentOnHold', { holdReason: 'AWAITING_GODOT' as IncidentHoldReason }),
    then: thenRefused('BAD_USER_INPUT', 'holdReason'),
  },
  {
    name: 'refuses a hold on a NEW incident: work has not started',
    given: historyIn.NEW,
    when: command('PutIncidentOnHold', { holdReason: 'AWAITING_CALLER' }),
    then: thenRefused('INVALID_TRANSITION'),
  },
  {
    name: 'resumes an incident on hold',
    given: historyIn.ON_HOLD,
    when: command('ResumeIncident', {}),
    then: thenEvents(event('IncidentResumed', { at: t(10) })),
  },
  ...(['NEW', 'IN_PROGRESS', 'ON_HOLD'] as const).map((status): Case => ({
    name: `resolves from ${status} with code and notes`,
    given: historyIn[status],
    when: command('ResolveIncident', {
      resolutionCode: 'RESOLVED_BY_CHANGE',
      resolutionNotes: 'Patched',
    }),
    then: thenEvents(
      event('IncidentResolved', {
        resolutionCode: 'RESOLVED_BY_CHANGE',
        resolutionNotes: 'Patched',
        at: t(10),
      }),
    ),
  })),
  {
    name: 'refuses an unknown resolution code',
    given: historyIn.IN_PROGRESS,
    when: command('ResolveIncident', {
      resolutionCode: 'MAGIC' as IncidentResolutionCode,
      resolutionNotes: 'Patched',
    }),
    then: thenRefused('BAD_USER_INPUT', 'resolutionCode'),
  },
  {
    name: 'refuses blank resolution notes',
    given: historyIn.IN_PROGRESS,
    when: command('ResolveIncident', { resolutionCode: 'SOLVED_PERMANENTLY', resolutionNotes: '' }),
    then: thenRefused('BAD_USER_INPUT', 'resolutionNotes'),
  },
  {
    name: 'closes a RESOLVED incident by hand',
    given: historyIn.RESOLVED,
    when: command('CloseIncident', { automatic: false }),
    then: thenEvents(event('IncidentClosed', { automatic: false, at: t(10) })),
  },
  {
    name: 'closes automatically once N days have passed since the resolution',
    given: historyIn.RESOLVED,
    when: command('CloseIncident', { automatic: true, autoCloseAfterDays: 5 }, 3 + fiveDays),
    then: thenEvents(event('IncidentClosed', { automatic: true, at: t(3 + fiveDays) })),
  },
  {
    name: 'refuses an automatic close a minute early',
    given: historyIn.RESOLVED,
    when: command('CloseIncident', { automatic: true, autoCloseAfterDays: 5 }, 2 + fiveDays),
    then: thenRefused('INVALID_TRANSITION'),
  },
  {
    name: 'refuses a stale automatic close timed from a resolution that a reopen undid',
    given: [...historyIn.RESOLVED, reopened(5), resolved(100)],
    when: command('CloseIncident', { automatic: true, autoCloseAfterDays: 5 }, 3 + fiveDays),
    then: thenRefused('INVALID_TRANSITION'),
  },
  {
    name: 'reopens a RESOLVED incident with a reason',
    given: historyIn.RESOLVED,
    when: command('ReopenIncident', { reason: 'Still failing' }),
    then: thenEvents(event('IncidentReopened', { reason: 'Still failing', at: t(10) })),
  },
  {
    name: 'refuses a reopen without a reason',
    given: historyIn.RESOLVED,
    when: command('ReopenIncident', { reason: ' ' }),
    then: thenRefused('BAD_USER_INPUT', 'reason'),
  },
  {
    name: 'cancels with a reason',
    given: historyIn.NEW,
    when: command('CancelIncident', { reason: 'Duplicate call' }),
    then: thenEvents(event('IncidentCanceled', { reason: 'Duplicate call', at: t(10) })),
  },
  {
    name: 'refuses a cancel without a reason',
    given: historyIn.NEW,
    when: command('CancelIncident', { reason: '' }),
    then: thenRefused('BAD_USER_INPUT', 'reason'),
  },
  {
    name: 'checks the input before the state: a blank reason on a CLOSED incident is bad input',
    given: historyIn.CLOSED,
    when: command('CancelIncident', { reason: '' }),
    then: thenRefused('BAD_USER_INPUT', 'reason'),
  },
];

describe('incident life cycle decisions', () => {
  it.each(openCases)('open: $name', ({ given, when, then }) => {
    expect(decideAfter(incidentDecider, given, when)).toEqual(then);
  });

  it.each(moveCases)('$name', ({ given, when, then }) => {
    expect(decideAfter(incidentDecider, given, when)).toEqual(then);
  });

  it('treats a tenant policy without whole positive minutes as a configuration bug', () => {
    const broken = { ...slaPolicy, P3: { responseMinutes: 0, resolutionMinutes: 1440 } };
    expect(() => decideAfter(incidentDecider, [], open({ slaPolicy: broken }))).toThrow(RangeError);
  });

  it('treats an unparseable clock as a caller bug', () => {
    expect(() =>
      decideAfter(incidentDecider, [], { ...open({}), metadata: { now: 'yesterday' } }),
    ).toThrow(RangeError);
  });
});

describe(incidentAutoCloseDueAt.name, () => {
  const fold = (events: readonly IncidentEvent[]) =>
    foldEvents(incidentDecider, events) as Incident;

  it('is N days after the current resolution', () => {
    expect(incidentAutoCloseDueAt(fold(historyIn.RESOLVED), 5)).toBe(t(3 + fiveDays));
    expect(
      incidentAutoCloseDueAt(fold([...historyIn.RESOLVED, reopened(5), resolved(100)]), 5),
    ).toBe(t(100 + fiveDays));
  });

  it('is null unless RESOLVED', () => {
    expect(incidentAutoCloseDueAt(fold(historyIn.IN_PROGRESS), 5)).toBeNull();
    expect(incidentAutoCloseDueAt(fold(historyIn.CLOSED), 5)).toBeNull();
  });

  it('refuses a negative number of days', () => {
    expect(() => incidentAutoCloseDueAt(fold(historyIn.RESOLVED), -1)).toThrow(RangeError);
  });
});
