import type { IncidentEvent, IncidentEventType } from '#events';
import { msPerMinute, toEpochMs, toInstant } from '../instant.js';
import type { IncidentCommand } from '../incident/incident.commands.js';
import type { IncidentStatus } from '../incident/incident.state.js';
import { defaultIncidentSlaPolicy } from '../incident/incident-sla-policy.js';

/*
 * Test data for incident deciders. Time is counted in minutes after the open instant, so a
 * table reads "at 10" rather than an ISO string. The default incident is P3 (impact 2,
 * urgency 2): response target 120 min (warning at 90), resolution 1440 min (warning at 1080).
 */

const openInstant = '2025-03-03T09:00:00.000Z';

/** The instant `minutes` after the incident was opened. */
export function t(minutes: number): string {
  return toInstant(toEpochMs(openInstant) + minutes * msPerMinute);
}

export const slaPolicy = defaultIncidentSlaPolicy;

type CommandOf<T extends IncidentCommand['type']> = Extract<IncidentCommand, { type: T }>;
type EventOf<T extends IncidentEventType> = Extract<IncidentEvent, { type: T }>;

/** A command decided `minutes` after the open instant (10 unless said). */
export function command<T extends IncidentCommand['type']>(
  type: T,
  data: CommandOf<T>['data'],
  minutes = 10,
): CommandOf<T> {
  return { type, data, metadata: { now: t(minutes) } } as CommandOf<T>;
}

export function event<T extends IncidentEventType>(type: T, data: EventOf<T>['data']): EventOf<T> {
  return { type, data } as EventOf<T>;
}

export const openData = {
  incidentId: 'incident-1',
  tenant: 'tenant-a',
  number: 'INC0001001',
  title: 'Email is down',
  description: 'Outlook cannot reach the server',
  callerId: 'caller-1',
  serviceId: 'email',
  category: 'software',
  impact: 2,
  urgency: 2,
  assignmentGroup: 'service-desk',
  slaPolicy,
} as const;

export const opened = event('IncidentOpened', {
  incidentId: 'incident-1',
  tenant: 'tenant-a',
  number: 'INC0001001',
  title: 'Email is down',
  description: 'Outlook cannot reach the server',
  callerId: 'caller-1',
  serviceId: 'email',
  category: 'software',
  impact: 2,
  urgency: 2,
  priority: 'P3',
  assignmentGroup: 'service-desk',
  assignee: null,
  slaTargets: { responseMinutes: 120, resolutionMinutes: 1440 },
  openedAt: t(0),
});

export const assigned = (minutes: number, assignee = 'alice') =>
  event('IncidentAssigned', { assignmentGroup: 'service-desk', assignee, at: t(minutes) });
export const workStarted = (minutes: number) => event('IncidentWorkStarted', { at: t(minutes) });
export const putOnHold = (minutes: number) =>
  event('IncidentPutOnHold', { holdReason: 'AWAITING_CALLER', at: t(minutes) });
export const resumed = (minutes: number) => event('IncidentResumed', { at: t(minutes) });
export const resolved = (minutes: number) =>
  event('IncidentResolved', {
    resolutionCode: 'SOLVED_PERMANENTLY',
    resolutionNotes: 'Restarted the server',
    at: t(minutes),
  });
export const reopened = (minutes: number) =>
  event('IncidentReopened', { reason: 'Still failing', at: t(minutes) });
export const closed = (minutes: number) =>
  event('IncidentClosed', { automatic: false, at: t(minutes) });
export const canceled = (minutes: number) =>
  event('IncidentCanceled', { reason: 'Opened by mistake', at: t(minutes) });

const inProgress = [opened, assigned(1), workStarted(1)];

/** A short history leading to each state, every event before minute 10. */
export const historyIn: { readonly [S in IncidentStatus]: readonly IncidentEvent[] } = {
  NEW: [opened],
  IN_PROGRESS: inProgress,
  ON_HOLD: [...inProgress, putOnHold(2)],
  RESOLVED: [...inProgress, resolved(3)],
  CLOSED: [...inProgress, resolved(3), closed(4)],
  CANCELED: [...inProgress, canceled(2)],
};

export const incidentStatuses = Object.keys(historyIn) as readonly IncidentStatus[];
