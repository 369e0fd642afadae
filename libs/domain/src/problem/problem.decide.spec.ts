import { describe, expect, it } from '@jest/globals';
import type { ProblemEvent, ProblemEventType } from '#events';
import { decideAfter, type DecisionOutcome } from '../testing/decider-specification.js';
import { logData, logged, problemCommand, problemHistoryIn, workaroundDocumented } from '../testing/problem-fixtures.js';
import type { ProblemCommand } from './problem.commands.js';
import { problemDecider } from './problem.decider.js';
import { problemStatuses, type ProblemStatus } from './problem.state.js';

/*
 * Every problem command in every state: where it is allowed, the event types it produces;
 * everywhere else INVALID_TRANSITION, and NOT_FOUND before the problem is logged. Payloads are
 * checked in the per-group specs beside this one.
 */

const notFinal: readonly ProblemStatus[] = ['NEW', 'ASSESSED', 'ROOT_CAUSE_ANALYSIS', 'FIX_IN_PROGRESS', 'RESOLVED'];
const fromAssessed: readonly ProblemStatus[] = ['ASSESSED', 'ROOT_CAUSE_ANALYSIS', 'FIX_IN_PROGRESS', 'RESOLVED'];

interface Row {
  readonly name?: string;
  readonly when: ProblemCommand;
  /** Events added to each state's history first. */
  readonly also?: readonly ProblemEvent[];
  readonly allowedIn: readonly ProblemStatus[];
  readonly then: readonly ProblemEventType[];
}

const rows: readonly Row[] = [
  { when: problemCommand('AssessProblem', { impact: 1, urgency: 2 }), allowedIn: ['NEW'], then: ['ProblemAssessed'] },
  { when: problemCommand('AssignProblem', { assignee: 'carol' }), allowedIn: notFinal, then: ['ProblemAssigned'] },
  { when: problemCommand('StartRootCauseAnalysis', {}), allowedIn: ['ASSESSED'], then: ['ProblemRootCauseAnalysisStarted'] },
  {
    when: problemCommand('RecordRootCause', { rootCause: 'Expired certificate' }),
    allowedIn: ['ROOT_CAUSE_ANALYSIS'],
    then: ['ProblemRootCauseRecorded'],
  },
  {
    when: problemCommand('DocumentProblemWorkaround', { workaround: 'Use webmail' }),
    allowedIn: notFinal,
    then: ['ProblemWorkaroundDocumented'],
  },
  {
    name: 'MarkKnownError with a documented workaround',
    when: problemCommand('MarkKnownError', {}),
    also: [workaroundDocumented(6)],
    allowedIn: fromAssessed,
    then: ['ProblemMarkedKnownError'],
  },
  {
    name: 'MarkKnownError documenting the workaround too',
    when: problemCommand('MarkKnownError', { workaround: 'Use webmail' }),
    allowedIn: fromAssessed,
    then: ['ProblemWorkaroundDocumented', 'ProblemMarkedKnownError'],
  },
  {
    when: problemCommand('RecordProblemFixingChange', { changeId: 'change-1' }),
    allowedIn: ['ROOT_CAUSE_ANALYSIS', 'FIX_IN_PROGRESS'],
    then: ['ProblemFixingChangeRecorded'],
  },
  {
    name: 'ResolveProblem with FIX_APPLIED',
    when: problemCommand('ResolveProblem', { resolutionCode: 'FIX_APPLIED', resolutionNotes: 'Pool enlarged' }),
    allowedIn: ['FIX_IN_PROGRESS'],
    then: ['ProblemResolved'],
  },
  {
    name: 'ResolveProblem with RISK_ACCEPTED',
    when: problemCommand('ResolveProblem', { resolutionCode: 'RISK_ACCEPTED' }),
    allowedIn: ['ROOT_CAUSE_ANALYSIS', 'FIX_IN_PROGRESS'],
    then: ['ProblemResolved'],
  },
  {
    name: 'ResolveProblem with DUPLICATE',
    when: problemCommand('ResolveProblem', { resolutionCode: 'DUPLICATE', duplicateOf: 'problem-0' }),
    allowedIn: ['ASSESSED', 'ROOT_CAUSE_ANALYSIS', 'FIX_IN_PROGRESS'],
    then: ['ProblemResolved'],
  },
  { when: problemCommand('ReanalyzeProblem', { reason: 'Drops again' }), allowedIn: ['RESOLVED'], then: ['ProblemReanalysisStarted'] },
  { when: problemCommand('CloseProblem', {}), allowedIn: ['RESOLVED'], then: ['ProblemClosed'] },
  { when: problemCommand('CancelProblem', { reason: 'Not a problem after all' }), allowedIn: notFinal, then: ['ProblemCanceled'] },
  {
    when: problemCommand('FlagProblemForFollowUp', { changeId: 'change-1', changeNumber: 'CHG0001001' }),
    allowedIn: [...notFinal, 'CLOSED'],
    then: ['ProblemFlaggedForFollowUp'],
  },
];

function outcome(row: Row, status: ProblemStatus): DecisionOutcome<ProblemEventType> {
  const decided = decideAfter(problemDecider, [...problemHistoryIn[status], ...(row.also ?? [])], row.when);
  return 'events' in decided ? { events: decided.events.map((event) => event.type) } : decided;
}

describe('problem commands in every state', () => {
  const cases = rows.flatMap((row) =>
    problemStatuses.map((status) => ({ name: row.name ?? row.when.type, status, row })),
  );

  it.each(cases)('$name in $status', ({ status, row }) => {
    const expected = row.allowedIn.includes(status) ? { events: row.then } : { refused: 'INVALID_TRANSITION' };
    expect(outcome(row, status)).toEqual(expected);
  });

  it.each(rows.map((row) => ({ name: row.name ?? row.when.type, row })))('$name before the problem is logged is NOT_FOUND', ({ row }) => {
    expect(decideAfter(problemDecider, [], row.when)).toEqual({ refused: 'NOT_FOUND' });
  });

  it.each(problemStatuses)('LogProblem once logged (%s) is INVALID_TRANSITION', (status) => {
    expect(decideAfter(problemDecider, problemHistoryIn[status], problemCommand('LogProblem', logData))).toEqual({
      refused: 'INVALID_TRANSITION',
    });
  });

  it('LogProblem before anything logs it', () => {
    expect(decideAfter(problemDecider, [], problemCommand('LogProblem', logData, 0))).toEqual({ events: [logged] });
  });
});
