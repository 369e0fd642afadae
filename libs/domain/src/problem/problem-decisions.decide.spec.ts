import { describe, expect, it } from '@jest/globals';
import type { ProblemEvent } from '#events';
import { foldEvents } from '../decider.js';
import { decideAfter, thenEvents, thenRefused, type DeciderCase } from '../testing/decider-specification.js';
import {
  at,
  fixApplied,
  logData,
  problemCommand,
  problemEvent,
  problemHistoryIn,
  workaroundDocumented,
} from '../testing/problem-fixtures.js';
import type { ProblemCommand } from './problem.commands.js';
import { problemDecider } from './problem.decider.js';

/** What each decision records, and the input it refuses. */
const cases: DeciderCase<ProblemCommand, ProblemEvent>[] = [
  {
    name: 'logs a problem with the priority of its impact and urgency',
    given: [],
    when: problemCommand('LogProblem', { ...logData, impact: 1, urgency: 1, assignee: 'dave' }, 0),
    then: thenEvents(
      problemEvent('ProblemLogged', { ...logData, impact: 1, urgency: 1, priority: 'P1', assignee: 'dave', loggedAt: at(0) }),
    ),
  },
  { name: 'refuses an impact off the scale', given: [], when: problemCommand('LogProblem', { ...logData, impact: 4 }), then: thenRefused('BAD_USER_INPUT', 'impact') },
  { name: 'refuses a blank statement', given: [], when: problemCommand('LogProblem', { ...logData, statement: ' ' }), then: thenRefused('BAD_USER_INPUT', 'statement') },
  {
    name: 'assesses, re-deriving the priority',
    given: problemHistoryIn.NEW,
    when: problemCommand('AssessProblem', { impact: 1, urgency: 3 }),
    then: thenEvents(problemEvent('ProblemAssessed', { impact: 1, urgency: 3, priority: 'P3', at: at(10) })),
  },
  { name: 'refuses an assessment with an urgency off the scale', given: problemHistoryIn.NEW, when: problemCommand('AssessProblem', { impact: 1, urgency: 0 }), then: thenRefused('BAD_USER_INPUT', 'urgency') },
  {
    name: 'a new assignment group without an assignee clears the assignee',
    given: [...problemHistoryIn.ASSESSED, problemEvent('ProblemAssigned', { assignmentGroup: 'messaging', assignee: 'carol', at: at(5) })],
    when: problemCommand('AssignProblem', { assignmentGroup: 'network' }),
    then: thenEvents(problemEvent('ProblemAssigned', { assignmentGroup: 'network', assignee: null, at: at(10) })),
  },
  { name: 'refuses an assignment that changes nothing', given: problemHistoryIn.NEW, when: problemCommand('AssignProblem', { assignmentGroup: 'messaging' }), then: thenRefused('INVALID_TRANSITION') },
  { name: 'refuses an assignment naming nobody', given: problemHistoryIn.NEW, when: problemCommand('AssignProblem', {}), then: thenRefused('BAD_USER_INPUT', 'assignee') },
  {
    name: 'records the root cause',
    given: problemHistoryIn.ROOT_CAUSE_ANALYSIS,
    when: problemCommand('RecordRootCause', { rootCause: 'Expired certificate' }),
    then: thenEvents(problemEvent('ProblemRootCauseRecorded', { rootCause: 'Expired certificate', at: at(10) })),
  },
  { name: 'refuses a blank root cause', given: problemHistoryIn.ROOT_CAUSE_ANALYSIS, when: problemCommand('RecordRootCause', { rootCause: '' }), then: thenRefused('BAD_USER_INPUT', 'rootCause') },
  { name: 'refuses the same workaround again', given: [...problemHistoryIn.NEW, workaroundDocumented(5)], when: problemCommand('DocumentProblemWorkaround', { workaround: 'Restart the mail relay' }), then: thenRefused('INVALID_TRANSITION') },
  { name: 'refuses a known error without a workaround', given: problemHistoryIn.ASSESSED, when: problemCommand('MarkKnownError', {}), then: thenRefused('INVALID_TRANSITION') },
  {
    name: 'refuses a known error twice',
    given: [...problemHistoryIn.ASSESSED, workaroundDocumented(5), problemEvent('ProblemMarkedKnownError', { at: at(6) })],
    when: problemCommand('MarkKnownError', { workaround: 'Something else' }),
    then: thenRefused('INVALID_TRANSITION'),
  },
  {
    name: 'publishes a known error with the workaround it already has, without documenting it again',
    given: [...problemHistoryIn.ASSESSED, workaroundDocumented(5)],
    when: problemCommand('MarkKnownError', { workaround: 'Restart the mail relay' }),
    then: thenEvents(problemEvent('ProblemMarkedKnownError', { at: at(10) })),
  },
  { name: 'refuses the fixing change it already has', given: [...problemHistoryIn.FIX_IN_PROGRESS, problemEvent('ProblemFixingChangeRecorded', { changeId: 'change-1', at: at(5) })], when: problemCommand('RecordProblemFixingChange', { changeId: 'change-1' }), then: thenRefused('INVALID_TRANSITION') },
  {
    name: 'resolves as a duplicate of another problem',
    given: problemHistoryIn.ASSESSED,
    when: problemCommand('ResolveProblem', { resolutionCode: 'DUPLICATE', duplicateOf: 'problem-0', resolutionNotes: 'See PRB0001000' }),
    then: thenEvents(problemEvent('ProblemResolved', { resolutionCode: 'DUPLICATE', duplicateOf: 'problem-0', resolutionNotes: 'See PRB0001000', at: at(10) })),
  },
  { name: 'refuses DUPLICATE without the problem it duplicates', given: problemHistoryIn.ASSESSED, when: problemCommand('ResolveProblem', { resolutionCode: 'DUPLICATE' }), then: thenRefused('BAD_USER_INPUT', 'duplicateOf') },
  { name: 'refuses a problem duplicating itself', given: problemHistoryIn.ASSESSED, when: problemCommand('ResolveProblem', { resolutionCode: 'DUPLICATE', duplicateOf: 'problem-1' }), then: thenRefused('BAD_USER_INPUT', 'duplicateOf') },
  { name: 'refuses duplicateOf with another code', given: problemHistoryIn.FIX_IN_PROGRESS, when: problemCommand('ResolveProblem', { resolutionCode: 'FIX_APPLIED', duplicateOf: 'problem-0' }), then: thenRefused('BAD_USER_INPUT', 'duplicateOf') },
  { name: 'refuses CANCELED as a code to resolve with', given: problemHistoryIn.FIX_IN_PROGRESS, when: problemCommand('ResolveProblem', { resolutionCode: 'CANCELED' as 'FIX_APPLIED' }), then: thenRefused('BAD_USER_INPUT', 'resolutionCode') },
  { name: 'refuses a re-analysis without a reason', given: problemHistoryIn.RESOLVED, when: problemCommand('ReanalyzeProblem', { reason: '' }), then: thenRefused('BAD_USER_INPUT', 'reason') },
  { name: 'refuses a cancellation without a reason', given: problemHistoryIn.NEW, when: problemCommand('CancelProblem', { reason: '' }), then: thenRefused('BAD_USER_INPUT', 'reason') },
];

describe('problem decisions', () => {
  it.each(cases)('$name', ({ given, when, then }) => {
    expect(decideAfter(problemDecider, given, when)).toEqual(then);
  });
});

describe('problem state', () => {
  it('a re-analysis clears the resolution and returns to root cause analysis', () => {
    const state = foldEvents(problemDecider, [...problemHistoryIn.RESOLVED, problemEvent('ProblemReanalysisStarted', { reason: 'Back', at: at(6) })]);
    expect(state).toMatchObject({ status: 'ROOT_CAUSE_ANALYSIS', resolution: null, rootCause: 'Connection pool too small', updatedAt: at(6) });
  });

  it('a cancellation closes with the code CANCELED and the reason as notes', () => {
    const state = foldEvents(problemDecider, [...problemHistoryIn.ASSESSED, problemEvent('ProblemCanceled', { reason: 'Not reproducible', at: at(7) })]);
    expect(state).toMatchObject({ status: 'CLOSED', resolution: { code: 'CANCELED', duplicateOf: null, notes: 'Not reproducible', at: at(7) } });
  });

  it('keeps what the problem learned through resolution and closure', () => {
    const state = foldEvents(problemDecider, [...problemHistoryIn.FIX_IN_PROGRESS, workaroundDocumented(3), problemEvent('ProblemMarkedKnownError', { at: at(3) }), fixApplied]);
    expect(state).toMatchObject({ status: 'RESOLVED', knownError: true, workaround: 'Restart the mail relay', resolution: { code: 'FIX_APPLIED' } });
  });
});
