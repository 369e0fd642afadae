import { incidentSlaTimers, type SlaTimerView } from '#domain';
import { commentsOf, timelineOf, workNotesOf, type IncidentRow } from '#read-model';
import type { Principal } from '../../auth/principal.js';
import type { IncidentModel, SlaTimer } from './incident.type.js';

/** A read-model row as the API shows it; work notes are internal, so requesters get none. */
export function toIncidentModel(row: IncidentRow, viewer: Principal): IncidentModel {
  const { incident } = row.detail;
  const timers = incidentSlaTimers(incident);
  const internal = viewer.roles.some((role) => role !== 'requester');
  return {
    id: row.id,
    number: incident.number,
    title: incident.title,
    description: incident.description,
    state: incident.status,
    impact: incident.impact,
    urgency: incident.urgency,
    priority: incident.priority,
    callerId: incident.callerId,
    serviceId: incident.serviceId,
    category: incident.category,
    assignmentGroup: incident.assignmentGroup,
    assignee: incident.assignee,
    holdReason: incident.holdReason,
    resolution: incident.resolution,
    cancellation: incident.cancellation,
    major: incident.majorIncident !== null,
    majorIncident: incident.majorIncident,
    problemIds: [...incident.problemIds],
    changeIds: [...incident.changeIds],
    followUps: [...incident.followUps],
    workNotes: internal ? workNotesOf(row.journal) : [],
    comments: commentsOf(row.journal),
    timeline: timelineOf(row.journal),
    reopenCount: incident.reopenCount,
    openedAt: incident.openedAt,
    updatedAt: row.updatedAt,
    version: row.version,
    sla: { response: toSlaTimer(timers.RESPONSE), resolution: toSlaTimer(timers.RESOLUTION) },
    // Rows projected before alerts existed have none.
    alert: incident.alert ?? null,
  };
}

function toSlaTimer(view: SlaTimerView): SlaTimer {
  return {
    targetMinutes: view.targetMinutes,
    status: view.status,
    dueAt: view.dueAt,
    warningAt: view.warningAt,
    breachAt: view.breachAt,
    stoppedAt: view.stoppedAt,
    warned: view.warned,
    breached: view.breached,
  };
}
