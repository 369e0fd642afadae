import { describe, expect, it } from '@jest/globals';
import type { IncidentEventType } from '#events';
import { decideAfter, type DecisionOutcome } from '../testing/decider-specification.js';
import {
  command,
  historyIn,
  incidentStatuses,
  openData,
  slaPolicy,
} from '../testing/incident-fixtures.js';
import type { IncidentCommand } from './incident.commands.js';
import { incidentDecider } from './incident.decider.js';
import type { IncidentStatus } from './incident.state.js';

/*
 * Every command in every state: where it is allowed, the event types it produces; everywhere
 * else INVALID_TRANSITION, and NOT_FOUND before the incident exists. Payloads are checked in
 * the per-group specs beside this one.
 */

const active: readonly IncidentStatus[] = ['NEW', 'IN_PROGRESS', 'ON_HOLD'];
const notFinal: readonly IncidentStatus[] = [...active, 'RESOLVED'];
const thirtyDays = 30 * 24 * 60;

interface Row {
  readonly when: IncidentCommand;
  readonly allowedIn: readonly IncidentStatus[];
  readonly then:
    readonly IncidentEventType[] | ((status: IncidentStatus) => readonly IncidentEventType[]);
}

const rows: readonly Row[] = [
  {
    when: command('AssignIncident', { assignee: 'bob' }),
    allowedIn: active,
    then: (status) =>
      status === 'NEW' ? ['IncidentAssigned', 'IncidentWorkStarted'] : ['IncidentAssigned'],
  },
  { when: command('StartIncidentWork', {}), allowedIn: ['NEW'], then: ['IncidentWorkStarted'] },
  {
    when: command('PutIncidentOnHold', { holdReason: 'AWAITING_VENDOR' }),
    allowedIn: ['IN_PROGRESS'],
    then: ['IncidentPutOnHold'],
  },
  { when: command('ResumeIncident', {}), allowedIn: ['ON_HOLD'], then: ['IncidentResumed'] },
  {
    when: command('ReprioritizeIncident', {
      impact: 1,
      urgency: 1,
      reason: 'Whole site down',
      slaPolicy,
    }),
    allowedIn: active,
    then: ['IncidentReprioritized'],
  },
  {
    when: command('UpdateIncidentDetails', { title: 'Email and calendar are down' }),
    allowedIn: notFinal,
    then: ['IncidentDetailsUpdated'],
  },
  {
    when: command('AddIncidentWorkNote', { text: 'Checked the mail server logs' }),
    allowedIn: notFinal,
    then: ['IncidentWorkNoteAdded'],
  },
  {
    when: command('AddIncidentComment', { text: 'We are on it' }),
    allowedIn: notFinal,
    then: ['IncidentCommentAdded'],
  },
  {
    when: command('ResolveIncident', {
      resolutionCode: 'SOLVED_WORKAROUND',
      resolutionNotes: 'Use webmail',
    }),
    allowedIn: active,
    then: ['IncidentResolved'],
  },
  {
    when: command('CloseIncident', { automatic: false }),
    allowedIn: ['RESOLVED'],
    then: ['IncidentClosed'],
  },
  {
    when: command('CloseIncident', { automatic: true, autoCloseAfterDays: 5 }, thirtyDays),
    allowedIn: ['RESOLVED'],
    then: ['IncidentClosed'],
  },
  {
    when: command('ReopenIncident', { reason: 'Still failing' }),
    allowedIn: ['RESOLVED'],
    then: ['IncidentReopened'],
  },
  {
    when: command('CancelIncident', { reason: 'Opened by mistake' }),
    allowedIn: active,
    then: ['IncidentCanceled'],
  },
  {
    when: command('DeclareMajorIncident', { reason: 'All staff affected' }),
    allowedIn: active,
    then: ['MajorIncidentDeclared'],
  },
  {
    when: command('LinkIncidentToProblem', { problemId: 'problem-1' }),
    allowedIn: notFinal,
    then: ['IncidentLinkedToProblem'],
  },
  {
    when: command('LinkIncidentToChange', { changeId: 'change-1' }),
    allowedIn: notFinal,
    then: ['IncidentLinkedToChange'],
  },
  {
    when: command('FlagIncidentForFollowUp', { changeId: 'change-1', changeNumber: 'CHG0001001' }),
    allowedIn: [...notFinal, 'CLOSED', 'CANCELED'],
    then: ['IncidentFlaggedForFollowUp'],
  },
  {
    when: command('RecordIncidentSlaWarning', { timer: 'RESPONSE' }, thirtyDays),
    allowedIn: ['NEW'],
    then: ['IncidentSlaWarningReached'],
  },
  {
    when: command('RecordIncidentSlaBreach', { timer: 'RESPONSE' }, thirtyDays),
    allowedIn: ['NEW'],
    then: ['IncidentSlaWarningReached', 'IncidentSlaBreached'],
  },
  {
    // ON_HOLD since minute 2: the resolution clock stopped long before 75 %.
    when: command('RecordIncidentSlaWarning', { timer: 'RESOLUTION' }, thirtyDays),
    allowedIn: ['NEW', 'IN_PROGRESS'],
    then: ['IncidentSlaWarningReached'],
  },
  {
    when: command('RecordIncidentSlaBreach', { timer: 'RESOLUTION' }, thirtyDays),
    allowedIn: ['NEW', 'IN_PROGRESS'],
    then: ['IncidentSlaWarningReached', 'IncidentSlaBreached'],
  },
];

function typesOf(outcome: DecisionOutcome<{ readonly type: string }>) {
  return 'events' in outcome ? { events: outcome.events.map((event) => event.type) } : outcome;
}

const cells = rows.flatMap(({ when, allowedIn, then }) =>
  incidentStatuses.map((status) => ({
    name: `${when.type} ${JSON.stringify(when.data)} in ${status}`,
    status,
    when,
    then: allowedIn.includes(status)
      ? { events: typeof then === 'function' ? then(status) : then }
      : { refused: 'INVALID_TRANSITION' },
  })),
);

describe('incident decider: every command in every state', () => {
  it.each(cells)('$name', ({ status, when, then }) => {
    expect(typesOf(decideAfter(incidentDecider, historyIn[status], when))).toEqual(then);
  });

  it.each(
    rows.map((row) => ({
      name: `${row.when.type} ${JSON.stringify(row.when.data)}`,
      when: row.when,
    })),
  )('$name before the incident exists: NOT_FOUND', ({ when }) => {
    expect(decideAfter(incidentDecider, [], when)).toEqual({ refused: 'NOT_FOUND' });
  });

  const open = command('OpenIncident', openData, 0);

  it('OpenIncident before the incident exists: IncidentOpened', () => {
    expect(typesOf(decideAfter(incidentDecider, [], open))).toEqual({ events: ['IncidentOpened'] });
  });

  it.each(incidentStatuses)('OpenIncident in %s: INVALID_TRANSITION', (status) => {
    expect(decideAfter(incidentDecider, historyIn[status], open)).toEqual({
      refused: 'INVALID_TRANSITION',
    });
  });

  it('covers every command type', () => {
    const covered = new Set([open.type, ...rows.map((row) => row.when.type)]);
    expect(covered.size).toBe(19);
  });
});
