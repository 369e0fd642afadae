import type { ChangeFollowUp } from '../shared/follow-up.js';
import type {
  AlertSeverity,
  IncidentEvent,
  IncidentHoldReason,
  Level,
  IncidentOpened,
  Priority,
  IncidentResolutionCode,
} from '#events';
import {
  markSlaThresholdRecorded,
  pauseSlaClock,
  restartResolutionTimer,
  resumeSlaClock,
  retargetSlaClock,
  startSlaClock,
  stopSlaTimers,
  type IncidentSlaClock,
} from './incident-sla-clock.js';

export type IncidentStatus = 'NEW' | 'IN_PROGRESS' | 'ON_HOLD' | 'RESOLVED' | 'CLOSED' | 'CANCELED';

export interface IncidentResolution {
  readonly code: IncidentResolutionCode;
  readonly notes: string;
  readonly at: string;
}

/** With a reason: cancellation, major-incident declaration. */
export interface IncidentReasonedFact {
  readonly reason: string;
  readonly at: string;
}

/** The monitoring alert that opened the incident, and how often it came while the incident was open. */
export interface IncidentAlertView {
  readonly source: string;
  readonly fingerprint: string;
  /** As the last occurrence said. */
  readonly severity: AlertSeverity;
  readonly summary: string;
  readonly occurrences: number;
  readonly firstSeenAt: string;
  readonly lastSeenAt: string;
  /** When the tool last said it is over; null while it fires. */
  readonly clearedAt: string | null;
}

/**
 * An incident as folded from its events: what `decide` needs, plus the record's fields so that
 * an as-of view can be read straight from it. Notes and comments are not here: no decision reads
 * them, and the read model keeps them with their authors.
 */
export interface Incident {
  readonly incidentId: string;
  readonly tenant: string;
  readonly number: string;
  readonly status: IncidentStatus;
  readonly title: string;
  readonly description: string;
  readonly callerId: string;
  readonly serviceId: string | null;
  readonly category: string;
  readonly impact: Level;
  readonly urgency: Level;
  readonly priority: Priority;
  readonly assignmentGroup: string | null;
  readonly assignee: string | null;
  readonly holdReason: IncidentHoldReason | null;
  /** The current resolution; cleared by a reopen (history keeps the earlier ones). */
  readonly resolution: IncidentResolution | null;
  readonly closure: { readonly automatic: boolean; readonly at: string } | null;
  readonly cancellation: IncidentReasonedFact | null;
  readonly majorIncident: IncidentReasonedFact | null;
  /** The problem it is linked to, at most one (ITIL: an incident has one underlying problem). */
  readonly problemIds: readonly string[];
  readonly changeIds: readonly string[];
  /** Changes that closed UNSUCCESSFUL while linked to it, oldest first: it needs a look again. */
  readonly followUps: readonly ChangeFollowUp[];
  readonly reopenCount: number;
  readonly openedAt: string;
  /** When it first left NEW for IN_PROGRESS. */
  readonly workStartedAt: string | null;
  readonly sla: IncidentSlaClock;
  /** Null unless a monitoring alert opened it. */
  readonly alert: IncidentAlertView | null;
}

/** Null until the incident is opened. */
export type IncidentState = Incident | null;

export const initialIncidentState: IncidentState = null;

function openedIncident({ slaTargets, openedAt, ...fields }: IncidentOpened['data']): Incident {
  return {
    ...fields,
    status: 'NEW',
    holdReason: null,
    resolution: null,
    closure: null,
    cancellation: null,
    majorIncident: null,
    problemIds: [],
    changeIds: [],
    followUps: [],
    reopenCount: 0,
    openedAt,
    workStartedAt: null,
    sla: startSlaClock(openedAt, slaTargets),
    alert: null,
  };
}

/** Applies an event to an incident that exists; a second IncidentOpened changes nothing. */
export function evolveExistingIncident(incident: Incident, event: IncidentEvent): Incident {
  const { sla } = incident;
  switch (event.type) {
    case 'IncidentOpened':
      return incident;
    case 'IncidentAssigned':
      return {
        ...incident,
        assignmentGroup: event.data.assignmentGroup,
        assignee: event.data.assignee,
      };
    case 'IncidentWorkStarted':
      return {
        ...incident,
        status: 'IN_PROGRESS',
        workStartedAt: event.data.at,
        sla: stopSlaTimers(sla, ['RESPONSE'], event.data.at, 'MET'),
      };
    case 'IncidentPutOnHold':
      return {
        ...incident,
        status: 'ON_HOLD',
        holdReason: event.data.holdReason,
        sla: pauseSlaClock(sla, event.data.at),
      };
    case 'IncidentResumed':
      return {
        ...incident,
        status: 'IN_PROGRESS',
        holdReason: null,
        sla: resumeSlaClock(sla, event.data.at),
      };
    case 'IncidentReprioritized': {
      const { impact, urgency, priority, slaTargets } = event.data;
      return { ...incident, impact, urgency, priority, sla: retargetSlaClock(sla, slaTargets) };
    }
    case 'IncidentDetailsUpdated': {
      const { title, description, category, serviceId } = event.data;
      return {
        ...incident,
        title: title ?? incident.title,
        description: description ?? incident.description,
        category: category ?? incident.category,
        serviceId: serviceId === undefined ? incident.serviceId : serviceId,
      };
    }
    // Notes and comments change nothing a decision reads; the read model keeps them with their authors.
    case 'IncidentWorkNoteAdded':
    case 'IncidentCommentAdded':
      return incident;
    case 'IncidentResolved': {
      const { resolutionCode: code, resolutionNotes: notes, at } = event.data;
      return {
        ...incident,
        status: 'RESOLVED',
        holdReason: null,
        resolution: { code, notes, at },
        sla: stopSlaTimers(sla, ['RESPONSE', 'RESOLUTION'], at, 'MET'),
      };
    }
    case 'IncidentClosed':
      return { ...incident, status: 'CLOSED', closure: event.data };
    case 'IncidentReopened':
      return {
        ...incident,
        status: 'IN_PROGRESS',
        resolution: null,
        reopenCount: incident.reopenCount + 1,
        sla: restartResolutionTimer(sla, event.data.at),
      };
    case 'IncidentCanceled':
      return {
        ...incident,
        status: 'CANCELED',
        holdReason: null,
        cancellation: event.data,
        sla: stopSlaTimers(sla, ['RESPONSE', 'RESOLUTION'], event.data.at, 'CANCELED'),
      };
    case 'MajorIncidentDeclared':
      return { ...incident, majorIncident: event.data };
    case 'IncidentLinkedToProblem':
      return { ...incident, problemIds: [event.data.problemId] };
    case 'IncidentUnlinkedFromProblem':
      return { ...incident, problemIds: [] };
    case 'IncidentLinkedToChange':
      return { ...incident, changeIds: [...incident.changeIds, event.data.changeId] };
    case 'IncidentFlaggedForFollowUp':
      return { ...incident, followUps: [...incident.followUps, event.data] };
    case 'IncidentSlaWarningReached':
      return { ...incident, sla: markSlaThresholdRecorded(sla, event.data.timer, 'warned') };
    case 'IncidentSlaBreached':
      return { ...incident, sla: markSlaThresholdRecorded(sla, event.data.timer, 'breached') };
    case 'IncidentAlertReceived': {
      const { source, fingerprint, severity, summary, at } = event.data;
      const seen = { severity, summary, lastSeenAt: at, clearedAt: null };
      return {
        ...incident,
        alert: incident.alert
          ? { ...incident.alert, ...seen, occurrences: incident.alert.occurrences + 1 }
          : { source, fingerprint, ...seen, occurrences: 1, firstSeenAt: at },
      };
    }
    case 'IncidentAlertCleared':
      return incident.alert ? { ...incident, alert: { ...incident.alert, clearedAt: event.data.at } } : incident;
  }
}

/** Trusts history: events are facts already decided, so none is refused here. */
export function evolveIncident(state: IncidentState, event: IncidentEvent): IncidentState {
  if (state !== null) return evolveExistingIncident(state, event);
  return event.type === 'IncidentOpened' ? openedIncident(event.data) : state;
}
