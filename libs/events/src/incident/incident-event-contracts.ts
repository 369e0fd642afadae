import type { EventContract } from '../event-contract.js';
import type { IncidentEvent, IncidentEventType } from './incident-events.js';

/**
 * The names incident events are stored under. Never rename one: a new payload shape gets a new
 * `.v2` name and an upcaster from `.v1`. The mapped type makes a missing event a compile error.
 */
const storedNames = {
  IncidentOpened: 'incident.opened.v1',
  IncidentAssigned: 'incident.assigned.v1',
  IncidentWorkStarted: 'incident.work-started.v1',
  IncidentPutOnHold: 'incident.put-on-hold.v1',
  IncidentResumed: 'incident.resumed.v1',
  IncidentReprioritized: 'incident.reprioritized.v1',
  IncidentDetailsUpdated: 'incident.details-updated.v1',
  IncidentWorkNoteAdded: 'incident.work-note-added.v1',
  IncidentCommentAdded: 'incident.comment-added.v1',
  IncidentResolved: 'incident.resolved.v1',
  IncidentClosed: 'incident.closed.v1',
  IncidentReopened: 'incident.reopened.v1',
  IncidentCanceled: 'incident.canceled.v1',
  MajorIncidentDeclared: 'incident.major-incident-declared.v1',
  IncidentLinkedToProblem: 'incident.linked-to-problem.v1',
  IncidentUnlinkedFromProblem: 'incident.unlinked-from-problem.v1',
  IncidentLinkedToChange: 'incident.linked-to-change.v1',
  IncidentFlaggedForFollowUp: 'incident.flagged-for-follow-up.v1',
  IncidentSlaWarningReached: 'incident.sla-warning-reached.v1',
  IncidentSlaBreached: 'incident.sla-breached.v1',
  IncidentAlertReceived: 'incident.alert-received.v1',
  IncidentAlertCleared: 'incident.alert-cleared.v1',
} as const satisfies { readonly [T in IncidentEventType]: `incident.${string}.v${number}` };

export const incidentEventTypes = Object.keys(storedNames) as readonly IncidentEventType[];

export const incidentEventContracts: readonly EventContract<IncidentEvent>[] =
  incidentEventTypes.map((type) => ({ type, storedName: storedNames[type] }));
