import {
  incidentHoldReasons,
  incidentResolutionCodes,
  type IncidentEvent,
  type IncidentWorkStarted,
} from '#events';
import { DomainError } from '../domain-error.js';
import { toEpochMs } from '../instant.js';
import type {
  CancelIncident,
  CloseIncident,
  OpenIncident,
  PutIncidentOnHold,
  ReopenIncident,
  ResolveIncident,
} from './incident.commands.js';
import { activeStatuses, requireIncident, requireStatus } from './incident.guards.js';
import { optionalText, requireLevel, requireOneOf, requireText } from '../shared/input.guards.js';
import type { Incident, IncidentState } from './incident.state.js';
import { incidentAutoCloseDueAt } from './incident-auto-close.js';
import { withSlaCatchUp } from './incident-sla.decide.js';
import { slaTargetsFor } from './incident-sla-policy.js';
import { priorityOf } from '../shared/priority.js';

/** Moves through the states of SPEC.md's diagram. */

/** Opening an existing incident does not fit its state: INVALID_TRANSITION, the API's code. */
export function decideOpen(
  data: OpenIncident['data'],
  state: IncidentState,
  now: string,
): IncidentEvent[] {
  if (state !== null)
    throw DomainError.invalidTransition(`Incident ${state.number} is already open`);
  const impact = requireLevel(data.impact, 'impact');
  const urgency = requireLevel(data.urgency, 'urgency');
  const priority = priorityOf(impact, urgency);
  return [
    {
      type: 'IncidentOpened',
      data: {
        incidentId: requireText(data.incidentId, 'incidentId'),
        tenant: requireText(data.tenant, 'tenant'),
        number: requireText(data.number, 'number'),
        title: requireText(data.title, 'title'),
        description: data.description,
        callerId: requireText(data.callerId, 'callerId'),
        serviceId: optionalText(data.serviceId, 'serviceId'),
        category: requireText(data.category, 'category'),
        impact,
        urgency,
        priority,
        assignmentGroup: optionalText(data.assignmentGroup ?? null, 'assignmentGroup'),
        assignee: optionalText(data.assignee ?? null, 'assignee'),
        slaTargets: slaTargetsFor(data.slaPolicy, priority),
        openedAt: now,
      },
    },
  ];
}

export function workStarted(at: string): IncidentWorkStarted {
  return { type: 'IncidentWorkStarted', data: { at } };
}

export function decideStartWork(state: IncidentState, now: string): IncidentEvent[] {
  const incident = requireIncident(state);
  requireStatus(incident, ['NEW'], 'start work on');
  return withSlaCatchUp(incident, now, [workStarted(now)]);
}

export function decideHold(
  data: PutIncidentOnHold['data'],
  state: IncidentState,
  now: string,
): IncidentEvent[] {
  const incident = requireIncident(state);
  const holdReason = requireOneOf(data.holdReason, incidentHoldReasons, 'holdReason');
  requireStatus(incident, ['IN_PROGRESS'], 'put on hold');
  return withSlaCatchUp(incident, now, [
    { type: 'IncidentPutOnHold', data: { holdReason, at: now } },
  ]);
}

export function decideResume(state: IncidentState, now: string): IncidentEvent[] {
  const incident = requireIncident(state);
  requireStatus(incident, ['ON_HOLD'], 'resume');
  return [{ type: 'IncidentResumed', data: { at: now } }];
}

export function decideResolve(
  data: ResolveIncident['data'],
  state: IncidentState,
  now: string,
): IncidentEvent[] {
  const incident = requireIncident(state);
  const resolutionCode = requireOneOf(
    data.resolutionCode,
    incidentResolutionCodes,
    'resolutionCode',
  );
  const resolutionNotes = requireText(data.resolutionNotes, 'resolutionNotes');
  requireStatus(incident, activeStatuses, 'resolve');
  return withSlaCatchUp(incident, now, [
    { type: 'IncidentResolved', data: { resolutionCode, resolutionNotes, at: now } },
  ]);
}

function requireAutoCloseDue(incident: Incident, autoCloseAfterDays: number, now: string): void {
  const dueAt = incidentAutoCloseDueAt(incident, autoCloseAfterDays);
  if (dueAt !== null && toEpochMs(dueAt) > toEpochMs(now)) {
    throw DomainError.invalidTransition(
      `Incident ${incident.number} is not due to close until ${dueAt}`,
    );
  }
}

export function decideClose(
  data: CloseIncident['data'],
  state: IncidentState,
  now: string,
): IncidentEvent[] {
  const incident = requireIncident(state);
  requireStatus(incident, ['RESOLVED'], 'close');
  if (data.automatic) requireAutoCloseDue(incident, data.autoCloseAfterDays, now);
  return [{ type: 'IncidentClosed', data: { automatic: data.automatic, at: now } }];
}

/**
 * RESOLVED -> IN_PROGRESS. The resolution timer carries on from where it stopped; the time the
 * incident sat RESOLVED is not counted (see incident-sla-clock.ts).
 */
export function decideReopen(
  data: ReopenIncident['data'],
  state: IncidentState,
  now: string,
): IncidentEvent[] {
  const incident = requireIncident(state);
  const reason = requireText(data.reason, 'reason');
  requireStatus(incident, ['RESOLVED'], 'reopen');
  return [{ type: 'IncidentReopened', data: { reason, at: now } }];
}

export function decideCancel(
  data: CancelIncident['data'],
  state: IncidentState,
  now: string,
): IncidentEvent[] {
  const incident = requireIncident(state);
  const reason = requireText(data.reason, 'reason');
  requireStatus(incident, activeStatuses, 'cancel');
  return withSlaCatchUp(incident, now, [{ type: 'IncidentCanceled', data: { reason, at: now } }]);
}
