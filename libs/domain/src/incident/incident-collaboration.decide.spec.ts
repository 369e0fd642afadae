import { describe, expect, it } from '@jest/globals';
import type { IncidentEvent } from '#events';
import {
  decideAfter,
  thenEvents,
  thenRefused,
  type DeciderCase,
} from '../testing/decider-specification.js';
import { command, event, historyIn, t } from '../testing/incident-fixtures.js';
import type { IncidentCommand } from './incident.commands.js';
import { incidentDecider } from './incident.decider.js';

const cases: DeciderCase<IncidentCommand, IncidentEvent>[] = [
  {
    name: 'adds a work note',
    given: historyIn.IN_PROGRESS,
    when: command('AddIncidentWorkNote', { text: 'Mail queue is stuck' }),
    then: thenEvents(event('IncidentWorkNoteAdded', { text: 'Mail queue is stuck', at: t(10) })),
  },
  {
    name: 'refuses a blank work note',
    given: historyIn.IN_PROGRESS,
    when: command('AddIncidentWorkNote', { text: '\n' }),
    then: thenRefused('BAD_USER_INPUT', 'text'),
  },
  {
    name: 'adds a comment for the caller, also after resolution',
    given: historyIn.RESOLVED,
    when: command('AddIncidentComment', { text: 'Please confirm it works' }),
    then: thenEvents(event('IncidentCommentAdded', { text: 'Please confirm it works', at: t(10) })),
  },
  {
    name: 'refuses a blank comment',
    given: historyIn.NEW,
    when: command('AddIncidentComment', { text: '' }),
    then: thenRefused('BAD_USER_INPUT', 'text'),
  },
  {
    name: 'links a problem',
    given: historyIn.RESOLVED,
    when: command('LinkIncidentToProblem', { problemId: 'problem-1' }),
    then: thenEvents(event('IncidentLinkedToProblem', { problemId: 'problem-1', at: t(10) })),
  },
  {
    name: 'refuses to link the same problem twice',
    given: [
      ...historyIn.NEW,
      event('IncidentLinkedToProblem', { problemId: 'problem-1', at: t(5) }),
    ],
    when: command('LinkIncidentToProblem', { problemId: 'problem-1' }),
    then: thenRefused('INVALID_TRANSITION'),
  },
  {
    name: 'links a second problem',
    given: [
      ...historyIn.NEW,
      event('IncidentLinkedToProblem', { problemId: 'problem-1', at: t(5) }),
    ],
    when: command('LinkIncidentToProblem', { problemId: 'problem-2' }),
    then: thenEvents(event('IncidentLinkedToProblem', { problemId: 'problem-2', at: t(10) })),
  },
  {
    name: 'unlinks its problem',
    given: [...historyIn.NEW, event('IncidentLinkedToProblem', { problemId: 'problem-1', at: t(5) })],
    when: command('UnlinkIncidentFromProblem', { problemId: 'problem-1' }),
    then: thenEvents(event('IncidentUnlinkedFromProblem', { problemId: 'problem-1', at: t(10) })),
  },
  {
    name: 'unlinks only the problem it is linked to',
    given: [
      ...historyIn.NEW,
      event('IncidentLinkedToProblem', { problemId: 'problem-1', at: t(5) }),
      event('IncidentLinkedToProblem', { problemId: 'problem-2', at: t(6) }),
    ],
    when: command('UnlinkIncidentFromProblem', { problemId: 'problem-1' }),
    then: thenRefused('INVALID_TRANSITION'),
  },
  {
    name: 'refuses to unlink when no problem is linked',
    given: historyIn.IN_PROGRESS,
    when: command('UnlinkIncidentFromProblem', { problemId: 'problem-1' }),
    then: thenRefused('INVALID_TRANSITION'),
  },
  {
    name: 'refuses to unlink on a closed incident',
    given: [...historyIn.CLOSED, event('IncidentLinkedToProblem', { problemId: 'problem-1', at: t(3) })],
    when: command('UnlinkIncidentFromProblem', { problemId: 'problem-1' }),
    then: thenRefused('INVALID_TRANSITION'),
  },
  {
    name: 'refuses a blank problem id',
    given: historyIn.NEW,
    when: command('LinkIncidentToProblem', { problemId: '' }),
    then: thenRefused('BAD_USER_INPUT', 'problemId'),
  },
  {
    name: 'links a change',
    given: historyIn.ON_HOLD,
    when: command('LinkIncidentToChange', { changeId: 'change-1' }),
    then: thenEvents(event('IncidentLinkedToChange', { changeId: 'change-1', at: t(10) })),
  },
  {
    name: 'refuses to link the same change twice',
    given: [...historyIn.NEW, event('IncidentLinkedToChange', { changeId: 'change-1', at: t(5) })],
    when: command('LinkIncidentToChange', { changeId: 'change-1' }),
    then: thenRefused('INVALID_TRANSITION'),
  },
  {
    name: 'refuses a blank change id',
    given: historyIn.NEW,
    when: command('LinkIncidentToChange', { changeId: ' ' }),
    then: thenRefused('BAD_USER_INPUT', 'changeId'),
  },
];

describe('incident notes, comments and links', () => {
  it.each(cases)('$name', ({ given, when, then }) => {
    expect(decideAfter(incidentDecider, given, when)).toEqual(then);
  });
});
