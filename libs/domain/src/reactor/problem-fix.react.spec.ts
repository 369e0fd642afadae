import { describe, expect, it } from '@jest/globals';
import { thenCommands, thenNothing, type ReactorCase } from '../testing/reactor-specification.js';
import { at, fixApplied, problemEvent } from '../testing/problem-fixtures.js';
import type { ProblemEventCause } from './reactor.js';
import { reactToProblemFix, type ProblemFixState } from './problem-fix.reactor.js';

const now = at(20);
const linked: ProblemFixState = { problemNumber: 'PRB0001001', linkedIncidentIds: ['incident-1', 'incident-2'], resolveLinkedIncidentsOnFix: true };

function cause(event: ProblemEventCause['event']): ProblemEventCause {
  return { tenant: 'tenant-a', recordId: 'problem-1', event, now };
}

function resolved(resolutionCode: 'FIX_APPLIED' | 'RISK_ACCEPTED' | 'DUPLICATE') {
  return problemEvent('ProblemResolved', { resolutionCode, duplicateOf: resolutionCode === 'DUPLICATE' ? 'problem-0' : null, resolutionNotes: '', at: at(10) });
}

function resolveIncident(incidentId: string) {
  return {
    kind: 'incident',
    tenant: 'tenant-a',
    recordId: incidentId,
    key: incidentId,
    command: {
      type: 'ResolveIncident',
      data: { resolutionCode: 'RESOLVED_BY_PROBLEM', resolutionNotes: 'Resolved by the fix applied to problem PRB0001001' },
      metadata: { now },
    },
  } as const;
}

const cases: ReactorCase<ProblemEventCause, ProblemFixState>[] = [
  {
    name: 'a fix applied resolves each linked incident, in link order, naming the problem, keyed by the incident',
    given: linked,
    when: cause(fixApplied),
    then: thenCommands(resolveIncident('incident-1'), resolveIncident('incident-2')),
  },
  { name: 'a risk accepted resolves nothing', given: linked, when: cause(resolved('RISK_ACCEPTED')), then: thenNothing },
  { name: 'a duplicate resolves nothing', given: linked, when: cause(resolved('DUPLICATE')), then: thenNothing },
  { name: 'a tenant that turned the policy off keeps its incidents open', given: { ...linked, resolveLinkedIncidentsOnFix: false }, when: cause(fixApplied), then: thenNothing },
  { name: 'a problem with no linked incidents sends nothing', given: { ...linked, linkedIncidentIds: [] }, when: cause(fixApplied), then: thenNothing },
  {
    name: 'any other problem event sends nothing',
    given: linked,
    when: cause(problemEvent('ProblemReanalysisStarted', { reason: 'Came back', at: at(11) })),
    then: thenNothing,
  },
];

describe('problem fix reactor', () => {
  it.each(cases)('$name', ({ given, when, then }) => {
    expect(reactToProblemFix(when, given)).toEqual(then);
  });
});
