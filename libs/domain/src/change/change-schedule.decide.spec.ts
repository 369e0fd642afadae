import { describe, expect, it } from '@jest/globals';
import type { ChangeEvent, ScheduleConflict } from '#events';
import { decideAfter, thenEvents, thenRefused, type DeciderCase } from '../testing/decider-specification.js';
import { at, changeCommand, changeEvent, changeHistoryIn } from '../testing/change-fixtures.js';
import type { ChangeCommand } from './change.commands.js';
import { changeDecider } from './change.decider.js';
import { findScheduleConflicts, type ChangeCalendar } from './schedule-conflicts.js';

type Case = DeciderCase<ChangeCommand, ChangeEvent>;

/** The change under test touches email and calendar (NORMAL) or email (STANDARD). */
const calendar: ChangeCalendar = {
  changes: [
    { changeId: 'change-2', number: 'CHG0001002', serviceIds: ['email', 'crm'], start: at(1000), end: at(1120) },
    { changeId: 'change-3', number: 'CHG0001003', serviceIds: ['crm'], start: at(1000), end: at(1120) },
    { changeId: 'change-4', number: 'CHG0001004', serviceIds: ['calendar'], start: at(1200), end: at(1300) },
    // The change's own earlier window: never a conflict with itself.
    { changeId: 'change-1', number: 'CHG0001001', serviceIds: ['email'], start: at(1000), end: at(1120) },
  ],
  blackoutWindows: [{ windowId: 'freeze-1', name: 'Quarter-end freeze', start: at(2000), end: at(3000) }],
};

const schedule = (start: number, end: number, minutes = 100) =>
  changeCommand('ScheduleChange', { plannedStart: at(start), plannedEnd: at(end), calendar }, minutes);
const scheduled = (start: number, end: number, conflicts: ScheduleConflict[], enteredScheduled = false) =>
  changeEvent('ChangeScheduled', { plannedStart: at(start), plannedEnd: at(end), conflicts, enteredScheduled, at: at(100) });

const overlapWithChange2: ScheduleConflict = { kind: 'CHANGE', changeId: 'change-2', number: 'CHG0001002', serviceIds: ['email'], start: at(1000), end: at(1120) };
const freeze: ScheduleConflict = { kind: 'BLACKOUT', windowId: 'freeze-1', name: 'Quarter-end freeze', start: at(2000), end: at(3000) };

const cases: Case[] = [
  { name: 'a clear window has no conflicts', given: changeHistoryIn.NORMAL.NEW ?? [], when: schedule(500, 600), then: thenEvents(scheduled(500, 600, [])) },
  {
    name: 'NORMAL: another change on a shared service at an overlapping time is a warning, naming the shared services',
    given: changeHistoryIn.NORMAL.ASSESS ?? [],
    when: schedule(1100, 1140),
    then: thenEvents(scheduled(1100, 1140, [overlapWithChange2])),
  },
  {
    name: 'windows that only touch do not overlap',
    given: changeHistoryIn.NORMAL.NEW ?? [],
    when: schedule(1120, 1200),
    then: thenEvents(scheduled(1120, 1200, [])),
  },
  {
    name: 'EMERGENCY: a blackout window is a warning, listed after change conflicts',
    given: changeHistoryIn.EMERGENCY.SCHEDULED ?? [],
    when: schedule(1250, 2100),
    then: thenEvents(
      scheduled(1250, 2100, [
        { kind: 'CHANGE', changeId: 'change-4', number: 'CHG0001004', serviceIds: ['calendar'], start: at(1200), end: at(1300) },
        freeze,
      ]),
    ),
  },
  {
    name: 'STANDARD: a clear window moves it from NEW to SCHEDULED',
    given: changeHistoryIn.STANDARD.NEW ?? [],
    when: schedule(500, 600),
    then: thenEvents(scheduled(500, 600, [], true)),
  },
  {
    name: 'STANDARD: a blackout window refuses it (SCHEDULE_CONFLICT)',
    given: changeHistoryIn.STANDARD.NEW ?? [],
    when: schedule(2500, 2600),
    then: thenRefused('SCHEDULE_CONFLICT'),
  },
  {
    name: 'STANDARD: another change on its service refuses it, also when rescheduling',
    given: changeHistoryIn.STANDARD.SCHEDULED ?? [],
    when: schedule(1050, 1060),
    then: thenRefused('SCHEDULE_CONFLICT'),
  },
  {
    name: 'STANDARD: a change on another service is no conflict',
    given: changeHistoryIn.STANDARD.SCHEDULED ?? [],
    when: schedule(1200, 1300),
    then: thenEvents(scheduled(1200, 1300, [])),
  },
  { name: 'refuses an end before the start', given: changeHistoryIn.NORMAL.NEW ?? [], when: schedule(600, 500), then: thenRefused('BAD_USER_INPUT', 'plannedEnd') },
  { name: 'refuses an empty window', given: changeHistoryIn.NORMAL.NEW ?? [], when: schedule(600, 600), then: thenRefused('BAD_USER_INPUT', 'plannedEnd') },
  {
    name: 'refuses what is no instant',
    given: changeHistoryIn.NORMAL.NEW ?? [],
    when: changeCommand('ScheduleChange', { plannedStart: 'next Tuesday', plannedEnd: at(600), calendar }),
    then: thenRefused('BAD_USER_INPUT', 'plannedStart'),
  },
  {
    name: 'refuses the window the change already has',
    given: changeHistoryIn.NORMAL.SCHEDULED ?? [],
    when: schedule(60, 120),
    then: thenRefused('INVALID_TRANSITION'),
  },
];

describe('scheduling a change', () => {
  it.each(cases)('$name', ({ given, when, then }) => {
    expect(decideAfter(changeDecider, given, when)).toEqual(then);
  });

  it('finds conflicts as a pure function of the window and the calendar', () => {
    const request = { changeId: 'change-9', serviceIds: ['email'], window: { start: at(1100), end: at(2001) } };
    expect(findScheduleConflicts(request, calendar)).toEqual([
      overlapWithChange2,
      { kind: 'CHANGE', changeId: 'change-1', number: 'CHG0001001', serviceIds: ['email'], start: at(1000), end: at(1120) },
      freeze,
    ]);
    expect(findScheduleConflicts({ ...request, serviceIds: [] }, calendar)).toEqual([freeze]);
  });
});
