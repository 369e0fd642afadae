import { describe, expect, it } from '@jest/globals';
import type { IncidentEvent, Priority, IncidentSlaTimer } from '#events';
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
  putOnHold,
  reopened,
  resolved,
  resumed,
  slaPolicy,
  t,
} from '../testing/incident-fixtures.js';
import type { IncidentCommand } from './incident.commands.js';
import { incidentDecider } from './incident.decider.js';

/*
 * P3 targets: response 120 min (warning at 90), resolution 1440 min (warning at 1080).
 * P1 targets: response 15 min (warning at 11.25), resolution 240 min.
 * historyIn.IN_PROGRESS started work at minute 1.
 */

type Case = DeciderCase<IncidentCommand, IncidentEvent>;

const warned = (
  timer: IncidentSlaTimer,
  minutes: number,
  targetMinutes: number,
  priority: Priority = 'P3',
) => event('IncidentSlaWarningReached', { timer, priority, targetMinutes, at: t(minutes) });
const breached = (
  timer: IncidentSlaTimer,
  minutes: number,
  targetMinutes: number,
  priority: Priority = 'P3',
) => event('IncidentSlaBreached', { timer, priority, targetMinutes, at: t(minutes) });
const recordWarning = (timer: IncidentSlaTimer, minutes: number) =>
  command('RecordIncidentSlaWarning', { timer }, minutes);
const recordBreach = (timer: IncidentSlaTimer, minutes: number) =>
  command('RecordIncidentSlaBreach', { timer }, minutes);

const recordCases: Case[] = [
  {
    name: 'records the response warning when it falls due',
    given: historyIn.NEW,
    when: recordWarning('RESPONSE', 90),
    then: thenEvents(warned('RESPONSE', 90, 120)),
  },
  {
    name: 'refuses it a minute early',
    given: historyIn.NEW,
    when: recordWarning('RESPONSE', 89),
    then: thenRefused('INVALID_TRANSITION'),
  },
  {
    name: 'a late worker records the instant the warning fell due, not its own',
    given: historyIn.NEW,
    when: recordWarning('RESPONSE', 100),
    then: thenEvents(warned('RESPONSE', 90, 120)),
  },
  {
    name: 'a duplicate firing appends nothing',
    given: [...historyIn.NEW, warned('RESPONSE', 90, 120)],
    when: recordWarning('RESPONSE', 100),
    then: thenRefused('INVALID_TRANSITION'),
  },
  {
    name: 'records the breach',
    given: [...historyIn.NEW, warned('RESPONSE', 90, 120)],
    when: recordBreach('RESPONSE', 120),
    then: thenEvents(breached('RESPONSE', 120, 120)),
  },
  {
    name: 'a breach also records the warning the worker had not got to',
    given: historyIn.NEW,
    when: recordBreach('RESPONSE', 130),
    then: thenEvents(warned('RESPONSE', 90, 120), breached('RESPONSE', 120, 120)),
  },
  {
    name: 'refuses a breach not yet due, even when the warning is',
    given: historyIn.NEW,
    when: recordBreach('RESPONSE', 100),
    then: thenRefused('INVALID_TRANSITION'),
  },
  {
    name: 'refuses a threshold of a met timer',
    given: historyIn.IN_PROGRESS,
    when: recordBreach('RESPONSE', 200),
    then: thenRefused('INVALID_TRANSITION'),
  },
  {
    name: 'refuses while the clock is paused short of the threshold',
    given: historyIn.ON_HOLD,
    when: recordWarning('RESOLUTION', 5000),
    then: thenRefused('INVALID_TRANSITION'),
  },
  {
    name: 'does not count time on hold: an hour held moves the warning an hour',
    given: [...historyIn.ON_HOLD, resumed(62)],
    when: recordWarning('RESOLUTION', 1139),
    then: thenRefused('INVALID_TRANSITION'),
  },
  {
    name: 'records the warning an hour later after an hour on hold',
    given: [...historyIn.ON_HOLD, resumed(62)],
    when: recordWarning('RESOLUTION', 1140),
    then: thenEvents(warned('RESOLUTION', 1140, 1440)),
  },
  {
    name: 'after a reopen, continues from where resolution time stopped',
    given: [...historyIn.IN_PROGRESS, resolved(100), reopened(400)],
    when: recordBreach('RESOLUTION', 1800),
    then: thenEvents(warned('RESOLUTION', 1380, 1440), breached('RESOLUTION', 1740, 1440)),
  },
  {
    name: 'refuses an unknown timer',
    given: historyIn.NEW,
    when: command('RecordIncidentSlaWarning', { timer: 'LUNCH' as IncidentSlaTimer }, 100),
    then: thenRefused('BAD_USER_INPUT', 'timer'),
  },
];

const reprioritized = (minutes: number, fields: { impact: 1 | 3; urgency: 1 | 3 }) => {
  const priority = fields.impact === 1 ? 'P1' : 'P5';
  return event('IncidentReprioritized', {
    ...fields,
    priority,
    previousPriority: 'P3',
    reason: 'Scope changed',
    slaTargets: slaPolicy[priority],
    at: t(minutes),
  });
};
const reprioritize = (minutes: number, impact: number, urgency: number) =>
  command('ReprioritizeIncident', { impact, urgency, reason: 'Scope changed', slaPolicy }, minutes);

/** Commands that stop, pause or retarget a timer record what fell due first. */
const catchUpCases: Case[] = [
  {
    name: 'starting work late records the response thresholds first',
    given: historyIn.NEW,
    when: command('StartIncidentWork', {}, 130),
    then: thenEvents(
      warned('RESPONSE', 90, 120),
      breached('RESPONSE', 120, 120),
      event('IncidentWorkStarted', { at: t(130) }),
    ),
  },
  {
    name: 'assigning a NEW incident late does the same',
    given: historyIn.NEW,
    when: command('AssignIncident', { assignee: 'bob' }, 100),
    then: thenEvents(
      warned('RESPONSE', 90, 120),
      event('IncidentAssigned', { assignmentGroup: 'service-desk', assignee: 'bob', at: t(100) }),
      event('IncidentWorkStarted', { at: t(100) }),
    ),
  },
  {
    name: 'resolving a minute before the deadline records only the warning',
    given: historyIn.IN_PROGRESS,
    when: command(
      'ResolveIncident',
      { resolutionCode: 'SOLVED_PERMANENTLY', resolutionNotes: 'Done' },
      1439,
    ),
    then: thenEvents(
      warned('RESOLUTION', 1080, 1440),
      event('IncidentResolved', {
        resolutionCode: 'SOLVED_PERMANENTLY',
        resolutionNotes: 'Done',
        at: t(1439),
      }),
    ),
  },
  {
    name: 'resolving late records the resolution thresholds first',
    given: historyIn.IN_PROGRESS,
    when: command(
      'ResolveIncident',
      { resolutionCode: 'SOLVED_PERMANENTLY', resolutionNotes: 'Done' },
      1500,
    ),
    then: thenEvents(
      warned('RESOLUTION', 1080, 1440),
      breached('RESOLUTION', 1440, 1440),
      event('IncidentResolved', {
        resolutionCode: 'SOLVED_PERMANENTLY',
        resolutionNotes: 'Done',
        at: t(1500),
      }),
    ),
  },
  {
    name: 'resolving on the deadline is too late: the deadline is the first instant of the breach',
    given: historyIn.IN_PROGRESS,
    when: command(
      'ResolveIncident',
      { resolutionCode: 'SOLVED_PERMANENTLY', resolutionNotes: 'Done' },
      1440,
    ),
    then: thenEvents(
      warned('RESOLUTION', 1080, 1440),
      breached('RESOLUTION', 1440, 1440),
      event('IncidentResolved', {
        resolutionCode: 'SOLVED_PERMANENTLY',
        resolutionNotes: 'Done',
        at: t(1440),
      }),
    ),
  },
  {
    name: 'a hold records the warning that fell due while the clock ran',
    given: historyIn.IN_PROGRESS,
    when: command('PutIncidentOnHold', { holdReason: 'AWAITING_CALLER' }, 1100),
    then: thenEvents(warned('RESOLUTION', 1080, 1440), putOnHold(1100)),
  },
  {
    name: 'canceling late records what fell due before the cancel',
    given: historyIn.NEW,
    when: command('CancelIncident', { reason: 'Duplicate' }, 100),
    then: thenEvents(
      warned('RESPONSE', 90, 120),
      event('IncidentCanceled', { reason: 'Duplicate', at: t(100) }),
    ),
  },
  {
    name: 'raising to P1 records what the new target has already passed, at the instants it puts them',
    given: historyIn.NEW,
    when: reprioritize(20, 1, 1),
    then: thenEvents(
      reprioritized(20, { impact: 1, urgency: 1 }),
      warned('RESPONSE', 11.25, 15, 'P1'),
      breached('RESPONSE', 15, 15, 'P1'),
    ),
  },
  {
    name: 'a retargeted timer is measured afresh: the P3 warning stays in history, P1 is recorded anew',
    given: [...historyIn.NEW, warned('RESPONSE', 90, 120)],
    when: reprioritize(100, 1, 1),
    then: thenEvents(
      reprioritized(100, { impact: 1, urgency: 1 }),
      warned('RESPONSE', 11.25, 15, 'P1'),
      breached('RESPONSE', 15, 15, 'P1'),
    ),
  },
  {
    name: 'lowering to P5 first records the P3 warning that had fallen due',
    given: historyIn.NEW,
    when: reprioritize(100, 3, 3),
    then: thenEvents(warned('RESPONSE', 90, 120), reprioritized(100, { impact: 3, urgency: 3 })),
  },
];

describe('incident SLA decisions', () => {
  it.each(recordCases)('record: $name', ({ given, when, then }) => {
    expect(decideAfter(incidentDecider, given, when)).toEqual(then);
  });

  it.each(catchUpCases)('catch-up: $name', ({ given, when, then }) => {
    expect(decideAfter(incidentDecider, given, when)).toEqual(then);
  });
});
