import { describe, expect, it } from '@jest/globals';
import { at, canceled, implementationCompleted, reviewCompleted } from '../testing/change-fixtures.js';
import { thenCommands, thenNothing, type ReactorCase } from '../testing/reactor-specification.js';
import type { ChangeEventCause } from './reactor.js';
import { reactToChangeFollowUp, type ChangeFollowUpState } from './change-follow-up.reactor.js';

const now = at(40);
const links: ChangeFollowUpState = { changeNumber: 'CHG0001001', incidentIds: ['incident-1', 'incident-2'], problemIds: ['problem-1'] };
const data = { changeId: 'change-1', changeNumber: 'CHG0001001' };

function cause(event: ChangeEventCause['event']): ChangeEventCause {
  return { tenant: 'tenant-a', recordId: 'change-1', event, now };
}

const closedUnsuccessful = { ...reviewCompleted(), data: { ...reviewCompleted().data, closeCode: 'UNSUCCESSFUL' as const } };
const closedWithIssues = { ...reviewCompleted(), data: { ...reviewCompleted().data, closeCode: 'SUCCESSFUL_WITH_ISSUES' as const } };

const flagIncident = (incidentId: string) =>
  ({ kind: 'incident', tenant: 'tenant-a', recordId: incidentId, key: incidentId, command: { type: 'FlagIncidentForFollowUp', data, metadata: { now } } }) as const;
const flagProblem = (problemId: string) =>
  ({ kind: 'problem', tenant: 'tenant-a', recordId: problemId, key: problemId, command: { type: 'FlagProblemForFollowUp', data, metadata: { now } } }) as const;

const cases: ReactorCase<ChangeEventCause, ChangeFollowUpState>[] = [
  {
    name: 'an unsuccessful change flags each linked incident, then each linked problem, naming the change, keyed by the record',
    given: links,
    when: cause(closedUnsuccessful),
    then: thenCommands(flagIncident('incident-1'), flagIncident('incident-2'), flagProblem('problem-1')),
  },
  { name: 'an unsuccessful change with only problems flags the problems', given: { ...links, incidentIds: [] }, when: cause(closedUnsuccessful), then: thenCommands(flagProblem('problem-1')) },
  { name: 'an unsuccessful change linked to nothing flags nothing', given: { ...links, incidentIds: [], problemIds: [] }, when: cause(closedUnsuccessful), then: thenNothing },
  { name: 'a successful change flags nothing', given: links, when: cause(reviewCompleted()), then: thenNothing },
  { name: 'a change successful with issues flags nothing', given: links, when: cause(closedWithIssues), then: thenNothing },
  { name: 'an implementation completed UNSUCCESSFUL flags nothing until the review closes the change', given: links, when: cause(implementationCompleted('UNSUCCESSFUL')), then: thenNothing },
  { name: 'a canceled change flags nothing', given: links, when: cause(canceled()), then: thenNothing },
];

describe('change follow-up reactor', () => {
  it.each(cases)('$name', ({ given, when, then }) => {
    expect(reactToChangeFollowUp(when, given)).toEqual(then);
  });
});
