import { describe, expect, it } from '@jest/globals';
import type { IncidentEvent } from '#events';
import {
  decideAfter,
  thenEvents,
  thenRefused,
  type DeciderCase,
} from '../testing/decider-specification.js';
import { command, event, historyIn, opened, slaPolicy, t } from '../testing/incident-fixtures.js';
import type { IncidentCommand } from './incident.commands.js';
import { incidentDecider } from './incident.decider.js';

type Case = DeciderCase<IncidentCommand, IncidentEvent>;

const assignedTo = (assignmentGroup: string | null, assignee: string | null) =>
  event('IncidentAssigned', { assignmentGroup, assignee, at: t(10) });
const started = event('IncidentWorkStarted', { at: t(10) });

// historyIn.IN_PROGRESS is assigned to service-desk / alice.
const assignCases: Case[] = [
  {
    name: 'assigning a NEW incident to a person starts work',
    given: historyIn.NEW,
    when: command('AssignIncident', { assignee: 'bob' }),
    then: thenEvents(assignedTo('service-desk', 'bob'), started),
  },
  {
    name: 'assigning a NEW incident to the group it already has only starts work',
    given: historyIn.NEW,
    when: command('AssignIncident', { assignmentGroup: 'service-desk' }),
    then: thenEvents(started),
  },
  {
    name: 'reassigning keeps the state',
    given: historyIn.ON_HOLD,
    when: command('AssignIncident', { assignee: 'bob' }),
    then: thenEvents(assignedTo('service-desk', 'bob')),
  },
  {
    name: 'a new group without a named assignee clears the assignee',
    given: historyIn.IN_PROGRESS,
    when: command('AssignIncident', { assignmentGroup: 'network' }),
    then: thenEvents(assignedTo('network', null)),
  },
  {
    name: 'a new group with an assignee takes both',
    given: historyIn.IN_PROGRESS,
    when: command('AssignIncident', { assignmentGroup: 'network', assignee: 'carol' }),
    then: thenEvents(assignedTo('network', 'carol')),
  },
  {
    name: 'a null assignee returns the incident to its group queue',
    given: historyIn.IN_PROGRESS,
    when: command('AssignIncident', { assignee: null }),
    then: thenEvents(assignedTo('service-desk', null)),
  },
  {
    name: 'a person without a group is allowed',
    given: historyIn.IN_PROGRESS,
    when: command('AssignIncident', { assignmentGroup: null, assignee: 'alice' }),
    then: thenEvents(assignedTo(null, 'alice')),
  },
  {
    name: 'refuses an assignment that changes nothing',
    given: historyIn.IN_PROGRESS,
    when: command('AssignIncident', { assignee: 'alice' }),
    then: thenRefused('INVALID_TRANSITION'),
  },
  {
    name: 'refuses an assignment naming nobody',
    given: historyIn.IN_PROGRESS,
    when: command('AssignIncident', {}),
    then: thenRefused('BAD_USER_INPUT', 'assignee'),
  },
  {
    name: 'refuses to leave the incident with neither group nor assignee',
    given: historyIn.IN_PROGRESS,
    when: command('AssignIncident', { assignmentGroup: null }),
    then: thenRefused('BAD_USER_INPUT', 'assignmentGroup'),
  },
  {
    name: 'refuses a blank assignee',
    given: historyIn.NEW,
    when: command('AssignIncident', { assignee: ' ' }),
    then: thenRefused('BAD_USER_INPUT', 'assignee'),
  },
];

const reprioritize = (impact: number, urgency: number, reason = 'Whole site down') =>
  command('ReprioritizeIncident', { impact, urgency, reason, slaPolicy });

const reprioritizeCases: Case[] = [
  {
    name: 'raises P3 to P1 with the P1 targets',
    given: historyIn.IN_PROGRESS,
    when: reprioritize(1, 1),
    then: thenEvents(
      event('IncidentReprioritized', {
        impact: 1,
        urgency: 1,
        priority: 'P1',
        previousPriority: 'P3',
        reason: 'Whole site down',
        slaTargets: { responseMinutes: 15, resolutionMinutes: 240 },
        at: t(10),
      }),
    ),
  },
  {
    name: 'records a new impact even when the priority stays',
    given: historyIn.IN_PROGRESS,
    when: reprioritize(1, 3, 'More users, less urgent'),
    then: thenEvents(
      event('IncidentReprioritized', {
        impact: 1,
        urgency: 3,
        priority: 'P3',
        previousPriority: 'P3',
        reason: 'More users, less urgent',
        slaTargets: { responseMinutes: 120, resolutionMinutes: 1440 },
        at: t(10),
      }),
    ),
  },
  {
    name: 'refuses an unchanged impact and urgency',
    given: historyIn.NEW,
    when: reprioritize(2, 2),
    then: thenRefused('INVALID_TRANSITION'),
  },
  {
    name: 'refuses impact 5',
    given: historyIn.NEW,
    when: reprioritize(5, 1),
    then: thenRefused('BAD_USER_INPUT', 'impact'),
  },
  {
    name: 'refuses urgency 0',
    given: historyIn.NEW,
    when: reprioritize(1, 0),
    then: thenRefused('BAD_USER_INPUT', 'urgency'),
  },
  {
    name: 'refuses a blank reason',
    given: historyIn.NEW,
    when: reprioritize(1, 1, ''),
    then: thenRefused('BAD_USER_INPUT', 'reason'),
  },
];

const updateCases: Case[] = [
  {
    name: 'records only the fields that change',
    given: historyIn.IN_PROGRESS,
    when: command('UpdateIncidentDetails', { title: opened.data.title, category: 'network' }),
    then: thenEvents(event('IncidentDetailsUpdated', { category: 'network', at: t(10) })),
  },
  {
    name: 'clears the affected service and empties the description',
    given: historyIn.RESOLVED,
    when: command('UpdateIncidentDetails', { serviceId: null, description: '' }),
    then: thenEvents(
      event('IncidentDetailsUpdated', { description: '', serviceId: null, at: t(10) }),
    ),
  },
  {
    name: 'refuses an update that changes nothing',
    given: historyIn.NEW,
    when: command('UpdateIncidentDetails', { title: opened.data.title }),
    then: thenRefused('INVALID_TRANSITION'),
  },
  {
    name: 'refuses an update naming no field',
    given: historyIn.NEW,
    when: command('UpdateIncidentDetails', {}),
    then: thenRefused('BAD_USER_INPUT', 'title'),
  },
  {
    name: 'refuses a blank title',
    given: historyIn.NEW,
    when: command('UpdateIncidentDetails', { title: '' }),
    then: thenRefused('BAD_USER_INPUT', 'title'),
  },
  {
    name: 'refuses a blank category',
    given: historyIn.NEW,
    when: command('UpdateIncidentDetails', { category: ' ' }),
    then: thenRefused('BAD_USER_INPUT', 'category'),
  },
];

const majorCases: Case[] = [
  {
    name: 'declares a major incident with its reason',
    given: historyIn.ON_HOLD,
    when: command('DeclareMajorIncident', { reason: 'All staff affected' }),
    then: thenEvents(event('MajorIncidentDeclared', { reason: 'All staff affected', at: t(10) })),
  },
  {
    name: 'refuses to declare it twice',
    given: [
      ...historyIn.NEW,
      event('MajorIncidentDeclared', { reason: 'All staff affected', at: t(5) }),
    ],
    when: command('DeclareMajorIncident', { reason: 'Really' }),
    then: thenRefused('INVALID_TRANSITION'),
  },
  {
    name: 'refuses a blank reason',
    given: historyIn.NEW,
    when: command('DeclareMajorIncident', { reason: '' }),
    then: thenRefused('BAD_USER_INPUT', 'reason'),
  },
];

describe('incident triage decisions', () => {
  it.each(assignCases)('assign: $name', ({ given, when, then }) => {
    expect(decideAfter(incidentDecider, given, when)).toEqual(then);
  });

  it.each(reprioritizeCases)('reprioritize: $name', ({ given, when, then }) => {
    expect(decideAfter(incidentDecider, given, when)).toEqual(then);
  });

  it.each(updateCases)('update details: $name', ({ given, when, then }) => {
    expect(decideAfter(incidentDecider, given, when)).toEqual(then);
  });

  it.each(majorCases)('major incident: $name', ({ given, when, then }) => {
    expect(decideAfter(incidentDecider, given, when)).toEqual(then);
  });
});
