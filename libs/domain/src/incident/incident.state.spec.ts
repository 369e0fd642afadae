import { describe, expect, it } from '@jest/globals';
import type { IncidentEvent } from '#events';
import { foldEvents } from '../decider.js';
import {
  assigned,
  closed,
  event,
  opened,
  putOnHold,
  reopened,
  resolved,
  resumed,
  slaPolicy,
  t,
  workStarted,
} from '../testing/incident-fixtures.js';
import { incidentDecider } from './incident.decider.js';
import { evolveIncident } from './incident.state.js';

const life = [
  opened,
  assigned(1),
  workStarted(1),
  event('IncidentWorkNoteAdded', { text: 'Looking', at: t(2) }),
  putOnHold(3),
  event('IncidentCommentAdded', { text: 'Can you try again?', at: t(4) }),
  resumed(10),
  event('IncidentReprioritized', {
    impact: 1,
    urgency: 2,
    priority: 'P2',
    previousPriority: 'P3',
    reason: 'More users',
    slaTargets: slaPolicy.P2,
    at: t(11),
  }),
  event('IncidentDetailsUpdated', { category: 'network', serviceId: null, at: t(12) }),
  event('MajorIncidentDeclared', { reason: 'Company-wide', at: t(13) }),
  event('IncidentLinkedToProblem', { problemId: 'problem-1', at: t(14) }),
  event('IncidentLinkedToChange', { changeId: 'change-1', at: t(15) }),
  resolved(20),
  reopened(30),
  resolved(40),
  closed(50),
];

describe(evolveIncident.name, () => {
  it('folds a whole life into the record', () => {
    expect(foldEvents(incidentDecider, life)).toMatchObject({
      incidentId: 'incident-1',
      tenant: 'tenant-a',
      number: 'INC0001001',
      status: 'CLOSED',
      title: 'Email is down',
      category: 'network',
      serviceId: null,
      impact: 1,
      urgency: 2,
      priority: 'P2',
      assignmentGroup: 'service-desk',
      assignee: 'alice',
      holdReason: null,
      resolution: { code: 'SOLVED_PERMANENTLY', notes: 'Restarted the server', at: t(40) },
      closure: { automatic: false, at: t(50) },
      cancellation: null,
      majorIncident: { reason: 'Company-wide', at: t(13) },
      problemIds: ['problem-1'],
      changeIds: ['change-1'],
      reopenCount: 1,
      openedAt: t(0),
      workStartedAt: t(1),
    });
  });

  it.each([
    { after: 1, status: 'NEW' },
    { after: 3, status: 'IN_PROGRESS' },
    { after: 5, status: 'ON_HOLD' },
    { after: 7, status: 'IN_PROGRESS' },
    { after: 13, status: 'RESOLVED' },
    { after: 14, status: 'IN_PROGRESS' },
    { after: 16, status: 'CLOSED' },
  ])('is $status after $after events', ({ after, status }) => {
    expect(foldEvents(incidentDecider, life.slice(0, after))).toMatchObject({ status });
  });

  it('keeps the hold reason only while ON_HOLD', () => {
    expect(foldEvents(incidentDecider, life.slice(0, 5))).toMatchObject({
      holdReason: 'AWAITING_CALLER',
    });
    expect(foldEvents(incidentDecider, life.slice(0, 7))).toMatchObject({ holdReason: null });
  });

  it('clears the resolution on reopen', () => {
    expect(foldEvents(incidentDecider, life.slice(0, 14))).toMatchObject({ resolution: null });
  });

  it('ignores events before the incident was opened, and a second opening', () => {
    expect(evolveIncident(null, resumed(1))).toBeNull();
    const incident = foldEvents(incidentDecider, [opened, assigned(1)]);
    expect(evolveIncident(incident, opened)).toBe(incident);
  });

  it('keeps notes and comments out of the state: no decision reads them', () => {
    const incident = foldEvents(incidentDecider, life)!;
    expect(incident).not.toHaveProperty('workNotes');
    expect(incident).not.toHaveProperty('comments');
  });

  it('has the shape its decider version names, so folded state kept elsewhere is rebuilt when it changes', () => {
    // Changing the state? Bump incidentDecider.version and add the new shape here.
    const shapes: Record<number, string[]> = {
      2: [
        'assignee', 'assignmentGroup', 'callerId', 'cancellation', 'category', 'changeIds', 'closure',
        'description', 'holdReason', 'impact', 'incidentId', 'majorIncident', 'number', 'openedAt',
        'priority', 'problemIds', 'reopenCount', 'resolution', 'serviceId', 'sla', 'status', 'tenant',
        'title', 'urgency', 'workStartedAt',
      ],
      3: [
        'alert', 'assignee', 'assignmentGroup', 'callerId', 'cancellation', 'category', 'changeIds', 'closure',
        'description', 'holdReason', 'impact', 'incidentId', 'majorIncident', 'number', 'openedAt',
        'priority', 'problemIds', 'reopenCount', 'resolution', 'serviceId', 'sla', 'status', 'tenant',
        'title', 'urgency', 'workStartedAt',
      ],
      4: [
        'alert', 'assignee', 'assignmentGroup', 'callerId', 'cancellation', 'category', 'changeIds', 'closure',
        'description', 'followUps', 'holdReason', 'impact', 'incidentId', 'majorIncident', 'number', 'openedAt',
        'priority', 'problemIds', 'reopenCount', 'resolution', 'serviceId', 'sla', 'status', 'tenant',
        'title', 'urgency', 'workStartedAt',
      ],
    };
    expect(Object.keys(foldEvents(incidentDecider, life)!).sort()).toEqual(shapes[incidentDecider.version]);
  });

  it('replays to the same state every time', () => {
    expect(foldEvents(incidentDecider, life)).toEqual(foldEvents(incidentDecider, life));
  });
});

describe('the problem an incident is linked to', () => {
  it('is at most one: a later link replaces the earlier, an unlink clears it', () => {
    const linked = (problemId: string, minutes: number) => event('IncidentLinkedToProblem', { problemId, at: t(minutes) });
    const fold = (...events: IncidentEvent[]) => foldEvents(incidentDecider, [opened, ...events])!.problemIds;
    expect(fold(linked('problem-1', 1), linked('problem-2', 2))).toEqual(['problem-2']);
    expect(fold(linked('problem-1', 1), event('IncidentUnlinkedFromProblem', { problemId: 'problem-1', at: t(2) }))).toEqual([]);
  });
});
