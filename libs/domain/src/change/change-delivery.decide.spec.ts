import { describe, expect, it } from '@jest/globals';
import type { ChangeEvent } from '#events';
import { foldEvents } from '../decider.js';
import { decideAfter, thenEvents, thenRefused, type DeciderCase } from '../testing/decider-specification.js';
import { at, changeCommand, changeEvent, changeHistoryIn, implementationCompleted } from '../testing/change-fixtures.js';
import type { ChangeCommand } from './change.commands.js';
import { changeDecider } from './change.decider.js';
import type { Change } from './change.state.js';

type Case = DeciderCase<ChangeCommand, ChangeEvent>;

const cases: Case[] = [
  {
    name: 'starting records the actual start',
    given: changeHistoryIn.NORMAL.SCHEDULED ?? [],
    when: changeCommand('StartChangeImplementation', {}),
    then: thenEvents(changeEvent('ChangeImplementationStarted', { at: at(100) })),
  },
  {
    name: 'completing records the close code and notes; the review follows',
    given: changeHistoryIn.STANDARD.IMPLEMENT ?? [],
    when: changeCommand('CompleteChangeImplementation', { closeCode: 'UNSUCCESSFUL', closeNotes: 'Rolled back' }),
    then: thenEvents(changeEvent('ChangeImplementationCompleted', { closeCode: 'UNSUCCESSFUL', closeNotes: 'Rolled back', at: at(100) })),
  },
  {
    name: 'refuses an unknown close code',
    given: changeHistoryIn.NORMAL.IMPLEMENT ?? [],
    when: changeCommand('CompleteChangeImplementation', { closeCode: 'PARTIAL', closeNotes: 'Half' }),
    then: thenRefused('BAD_USER_INPUT', 'closeCode'),
  },
  {
    name: 'refuses completion without notes',
    given: changeHistoryIn.NORMAL.IMPLEMENT ?? [],
    when: changeCommand('CompleteChangeImplementation', { closeCode: 'SUCCESSFUL', closeNotes: '' }),
    then: thenRefused('BAD_USER_INPUT', 'closeNotes'),
  },
  {
    name: 'the review closes it and repeats the close code for whoever follows closings',
    given: [...(changeHistoryIn.EMERGENCY.IMPLEMENT ?? []), implementationCompleted('UNSUCCESSFUL')],
    when: changeCommand('CompleteChangeReview', { reviewNotes: 'Needs a better test plan' }),
    then: thenEvents(changeEvent('ChangeReviewCompleted', { reviewNotes: 'Needs a better test plan', closeCode: 'UNSUCCESSFUL', at: at(100) })),
  },
  {
    name: 'cancelling needs a reason',
    given: changeHistoryIn.NORMAL.NEW ?? [],
    when: changeCommand('CancelChange', { reason: '' }),
    then: thenRefused('BAD_USER_INPUT', 'reason'),
  },
  {
    name: 'links an incident once',
    given: [...(changeHistoryIn.NORMAL.NEW ?? []), changeEvent('ChangeLinkedToIncident', { incidentId: 'incident-1', at: at(1) })],
    when: changeCommand('LinkChangeToIncident', { incidentId: 'incident-1' }),
    then: thenRefused('INVALID_TRANSITION'),
  },
  {
    name: 'links a problem once',
    given: [...(changeHistoryIn.NORMAL.NEW ?? []), changeEvent('ChangeLinkedToProblem', { problemId: 'problem-1', at: at(1) })],
    when: changeCommand('LinkChangeToProblem', { problemId: 'problem-1' }),
    then: thenRefused('INVALID_TRANSITION'),
  },
];

describe('implementing and reviewing a change', () => {
  it.each(cases)('$name', ({ given, when, then }) => {
    expect(decideAfter(changeDecider, given, when)).toEqual(then);
  });

  it('a closed change holds its window, actual times, close code and review', () => {
    const change = foldEvents(changeDecider, changeHistoryIn.NORMAL.CLOSED ?? []) as Change;
    expect(change).toMatchObject({
      status: 'CLOSED',
      plannedStart: at(60),
      plannedEnd: at(120),
      actualStart: at(10),
      actualEnd: at(20),
      closeCode: 'SUCCESSFUL',
      closeNotes: 'Done as planned',
      reviewNotes: 'No incidents followed',
      closedAt: at(30),
    });
  });
});
