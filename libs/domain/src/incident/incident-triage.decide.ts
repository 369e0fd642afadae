import type { IncidentDetailsUpdated, IncidentEvent } from '#events';
import { DomainError } from '../domain-error.js';
import type {
  AssignIncident,
  DeclareMajorIncident,
  ReprioritizeIncident,
  UpdateIncidentDetails,
} from './incident.commands.js';
import { activeStatuses, openStatuses, refuseNoChange, requireIncident, requireStatus } from './incident.guards.js';
import { optionalText, requireLevel, requireText } from '../shared/input.guards.js';
import type { Incident, IncidentState } from './incident.state.js';
import { workStarted } from './incident-lifecycle.decide.js';
import { withSlaCatchUp } from './incident-sla.decide.js';
import { slaTargetsFor } from './incident-sla-policy.js';
import { priorityOf } from '../shared/priority.js';

/** Who works the incident, how urgent it is, what it is about. */

type Assignment = Pick<Incident, 'assignmentGroup' | 'assignee'>;

function assignmentAfter(incident: Incident, data: AssignIncident['data']): Assignment {
  if (data.assignmentGroup === undefined && data.assignee === undefined) {
    throw DomainError.badUserInput('assignee', 'Name an assignment group or an assignee');
  }
  const assignmentGroup =
    data.assignmentGroup === undefined
      ? incident.assignmentGroup
      : optionalText(data.assignmentGroup, 'assignmentGroup');
  const groupChanged = assignmentGroup !== incident.assignmentGroup;
  const keptAssignee = groupChanged ? null : incident.assignee;
  const assignee =
    data.assignee === undefined ? keptAssignee : optionalText(data.assignee, 'assignee');
  if (assignmentGroup === null && assignee === null) {
    throw DomainError.badUserInput('assignmentGroup', 'An incident cannot be assigned to no one');
  }
  return { assignmentGroup, assignee };
}

/**
 * Assigning a NEW incident starts work (SPEC.md: NEW --assign/start--> IN_PROGRESS), which meets
 * the response target; the assignment itself may then be unchanged, e.g. opened pre-assigned.
 * Reassigning later keeps the state.
 */
export function decideAssign(
  data: AssignIncident['data'],
  state: IncidentState,
  now: string,
): IncidentEvent[] {
  const incident = requireIncident(state);
  const assignment = assignmentAfter(incident, data);
  requireStatus(incident, activeStatuses, 'assign');
  const changed =
    assignment.assignmentGroup !== incident.assignmentGroup ||
    assignment.assignee !== incident.assignee;
  const assigned: IncidentEvent[] = changed
    ? [{ type: 'IncidentAssigned', data: { ...assignment, at: now } }]
    : [];
  if (incident.status === 'NEW') {
    return withSlaCatchUp(incident, now, [...assigned, workStarted(now)]);
  }
  if (!changed) refuseNoChange(incident, 'is already assigned so');
  return assigned;
}

export function decideReprioritize(
  data: ReprioritizeIncident['data'],
  state: IncidentState,
  now: string,
): IncidentEvent[] {
  const incident = requireIncident(state);
  const impact = requireLevel(data.impact, 'impact');
  const urgency = requireLevel(data.urgency, 'urgency');
  const reason = requireText(data.reason, 'reason');
  requireStatus(incident, activeStatuses, 'reprioritize');
  if (impact === incident.impact && urgency === incident.urgency) {
    refuseNoChange(incident, `already has impact ${impact} and urgency ${urgency}`);
  }
  const priority = priorityOf(impact, urgency);
  const slaTargets = slaTargetsFor(data.slaPolicy, priority);
  return withSlaCatchUp(incident, now, [
    {
      type: 'IncidentReprioritized',
      data: {
        impact,
        urgency,
        priority,
        previousPriority: incident.priority,
        reason,
        slaTargets,
        at: now,
      },
    },
  ]);
}

type DetailChanges = Omit<IncidentDetailsUpdated['data'], 'at'>;

/** Only given fields that differ from the incident's; blank ones are refused even if unchanged. */
function detailChanges(incident: Incident, data: UpdateIncidentDetails['data']): DetailChanges {
  const title = data.title === undefined ? undefined : requireText(data.title, 'title');
  const category = data.category === undefined ? undefined : requireText(data.category, 'category');
  const serviceId =
    data.serviceId === undefined ? undefined : optionalText(data.serviceId, 'serviceId');
  const { description } = data;
  if ([title, description, category, serviceId].every((value) => value === undefined)) {
    throw DomainError.badUserInput(
      'title',
      'Give at least one of title, description, category, serviceId',
    );
  }
  return {
    ...(title !== undefined && title !== incident.title ? { title } : {}),
    ...(description !== undefined && description !== incident.description ? { description } : {}),
    ...(category !== undefined && category !== incident.category ? { category } : {}),
    ...(serviceId !== undefined && serviceId !== incident.serviceId ? { serviceId } : {}),
  };
}

export function decideDetailsUpdate(
  data: UpdateIncidentDetails['data'],
  state: IncidentState,
  now: string,
): IncidentEvent[] {
  const incident = requireIncident(state);
  const changes = detailChanges(incident, data);
  requireStatus(incident, openStatuses, 'update');
  if (Object.keys(changes).length === 0) refuseNoChange(incident, 'already has these details');
  return [{ type: 'IncidentDetailsUpdated', data: { ...changes, at: now } }];
}

/** The flag is independent of priority, as in ServiceNow; it cannot be withdrawn here. */
export function decideMajorIncident(
  data: DeclareMajorIncident['data'],
  state: IncidentState,
  now: string,
): IncidentEvent[] {
  const incident = requireIncident(state);
  const reason = requireText(data.reason, 'reason');
  requireStatus(incident, activeStatuses, 'declare major');
  if (incident.majorIncident !== null) refuseNoChange(incident, 'is already a major incident');
  return [{ type: 'MajorIncidentDeclared', data: { reason, at: now } }];
}
