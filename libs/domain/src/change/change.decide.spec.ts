import { describe, expect, it } from '@jest/globals';
import { changeTypes, type ChangeEventType, type ChangeType } from '#events';
import { decideAfter, type DecisionOutcome } from '../testing/decider-specification.js';
import { at, authority, changeCommand, changeHistoryIn, requestData } from '../testing/change-fixtures.js';
import type { ChangeCommand } from './change.commands.js';
import { changeDecider } from './change.decider.js';
import type { ChangeStatus } from './change.state.js';

/*
 * Every command in every state of each type: where it is allowed, the event types it produces;
 * everywhere else INVALID_TRANSITION, and NOT_FOUND before the change exists. Payloads and the
 * approval rules are checked in the specs beside this one.
 */

type Allowed = { readonly [T in ChangeType]?: readonly ChangeStatus[] };

interface Row {
  readonly when: ChangeCommand;
  readonly allowedIn: Allowed;
  readonly then: readonly ChangeEventType[] | ((type: ChangeType) => readonly ChangeEventType[]);
}

const everyType = (statuses: readonly ChangeStatus[]): Allowed => ({ NORMAL: statuses, EMERGENCY: statuses, STANDARD: statuses });
const notFinal: readonly ChangeStatus[] = ['NEW', 'ASSESS', 'AUTHORIZE', 'SCHEDULED', 'IMPLEMENT', 'REVIEW'];
const emptyCalendar = { changes: [], blackoutWindows: [] };

const rows: readonly Row[] = [
  { when: changeCommand('UpdateChangeDetails', { title: 'Upgrade the mail database to 16.2' }), allowedIn: everyType(['NEW', 'ASSESS']), then: ['ChangeDetailsUpdated'] },
  { when: changeCommand('SetChangeType', { type: 'EMERGENCY' }), allowedIn: { NORMAL: ['NEW'] }, then: ['ChangeTypeChanged'] },
  { when: changeCommand('SetChangeType', { type: 'NORMAL' }), allowedIn: { EMERGENCY: ['NEW'] }, then: ['ChangeTypeChanged'] },
  {
    when: changeCommand('SubmitChange', { authority }),
    allowedIn: { NORMAL: ['NEW'], EMERGENCY: ['NEW'] },
    then: (type) => (type === 'NORMAL' ? ['ChangeSubmitted'] : ['ChangeSubmitted', 'ChangeApprovalRequested']),
  },
  { when: changeCommand('AssessChangeRisk', { risk: 'LOW', authority }), allowedIn: { NORMAL: ['ASSESS'] }, then: ['ChangeRiskAssessed', 'ChangeApprovalRequested'] },
  { when: changeCommand('ApproveChange', { approverId: 'cab-1', isChangeManager: false }), allowedIn: { NORMAL: ['AUTHORIZE'], EMERGENCY: ['AUTHORIZE'] }, then: ['ChangeApproved'] },
  { when: changeCommand('RejectChange', { approverId: 'cab-1', isChangeManager: false, reason: 'Too risky' }), allowedIn: { NORMAL: ['AUTHORIZE'], EMERGENCY: ['AUTHORIZE'] }, then: ['ChangeRejected'] },
  {
    when: changeCommand('ScheduleChange', { plannedStart: at(200), plannedEnd: at(260), calendar: emptyCalendar }),
    allowedIn: { NORMAL: ['NEW', 'ASSESS', 'AUTHORIZE', 'SCHEDULED'], EMERGENCY: ['NEW', 'AUTHORIZE', 'SCHEDULED'], STANDARD: ['NEW', 'SCHEDULED'] },
    then: ['ChangeScheduled'],
  },
  { when: changeCommand('StartChangeImplementation', {}), allowedIn: everyType(['SCHEDULED']), then: ['ChangeImplementationStarted'] },
  { when: changeCommand('CompleteChangeImplementation', { closeCode: 'SUCCESSFUL_WITH_ISSUES', closeNotes: 'Replica lagged' }), allowedIn: everyType(['IMPLEMENT']), then: ['ChangeImplementationCompleted'] },
  { when: changeCommand('CompleteChangeReview', { reviewNotes: 'Lag was expected' }), allowedIn: everyType(['REVIEW']), then: ['ChangeReviewCompleted'] },
  { when: changeCommand('CancelChange', { reason: 'Superseded' }), allowedIn: everyType(['NEW', 'ASSESS', 'AUTHORIZE', 'SCHEDULED', 'IMPLEMENT']), then: ['ChangeCanceled'] },
  { when: changeCommand('LinkChangeToIncident', { incidentId: 'incident-9' }), allowedIn: everyType(notFinal), then: ['ChangeLinkedToIncident'] },
  { when: changeCommand('LinkChangeToProblem', { problemId: 'problem-9' }), allowedIn: everyType(notFinal), then: ['ChangeLinkedToProblem'] },
];

function typesOf(outcome: DecisionOutcome<{ readonly type: string }>) {
  return 'events' in outcome ? { events: outcome.events.map((event) => event.type) } : outcome;
}

const statesOf = (type: ChangeType) => Object.keys(changeHistoryIn[type]) as ChangeStatus[];

const cells = rows.flatMap(({ when, allowedIn, then }) =>
  changeTypes.flatMap((type) =>
    statesOf(type).map((status) => ({
      name: `${when.type} ${JSON.stringify(when.data)} on ${type} in ${status}`,
      given: changeHistoryIn[type][status] ?? [],
      when,
      then: allowedIn[type]?.includes(status)
        ? { events: typeof then === 'function' ? then(type) : then }
        : { refused: 'INVALID_TRANSITION' },
    })),
  ),
);

describe('change decider: every command in every state of each type', () => {
  it('walks each type through its own states only', () => {
    expect(statesOf('NORMAL')).toEqual(['NEW', 'ASSESS', 'AUTHORIZE', 'SCHEDULED', 'IMPLEMENT', 'REVIEW', 'CLOSED', 'CANCELED']);
    expect(statesOf('EMERGENCY')).toEqual(['NEW', 'AUTHORIZE', 'SCHEDULED', 'IMPLEMENT', 'REVIEW', 'CLOSED', 'CANCELED']);
    expect(statesOf('STANDARD')).toEqual(['NEW', 'SCHEDULED', 'IMPLEMENT', 'REVIEW', 'CLOSED', 'CANCELED']);
    for (const type of changeTypes) {
      for (const status of statesOf(type)) {
        const state = changeDecider.initialState;
        const folded = (changeHistoryIn[type][status] ?? []).reduce(changeDecider.evolve, state);
        expect({ type: folded?.type, status: folded?.status }).toEqual({ type, status });
      }
    }
  });

  it.each(cells)('$name', ({ given, when, then }) => {
    expect(typesOf(decideAfter(changeDecider, given, when))).toEqual(then);
  });

  it.each(rows.map((row) => ({ name: `${row.when.type} ${JSON.stringify(row.when.data)}`, when: row.when })))(
    '$name before the change exists: NOT_FOUND',
    ({ when }) => {
      expect(decideAfter(changeDecider, [], when)).toEqual({ refused: 'NOT_FOUND' });
    },
  );

  const request = changeCommand('RequestChange', requestData, 0);

  it('RequestChange before the change exists: ChangeRequested', () => {
    expect(typesOf(decideAfter(changeDecider, [], request))).toEqual({ events: ['ChangeRequested'] });
  });

  it.each(changeTypes.flatMap((type) => statesOf(type).map((status) => ({ type, status }))))(
    'RequestChange on $type in $status: INVALID_TRANSITION',
    ({ type, status }) => {
      expect(decideAfter(changeDecider, changeHistoryIn[type][status] ?? [], request)).toEqual({ refused: 'INVALID_TRANSITION' });
    },
  );

  it('covers every command type', () => {
    expect(new Set([request.type, ...rows.map((row) => row.when.type)]).size).toBe(14);
  });
});
