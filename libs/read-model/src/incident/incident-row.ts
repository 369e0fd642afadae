import type { Incident } from '#domain';
import type { RecordRow } from '../record-read-model.js';

/**
 * One event of an incident as its journal keeps it: what happened, when, by whom, the state
 * after, and the text of a note or comment. Kept one row per event beside the incident's row,
 * so recording an event never rewrites what came before it.
 */
export interface JournalEntry {
  /** The event's revision in the incident's stream: orders the journal, keys it. */
  readonly revision: string;
  readonly event: string;
  readonly at: string;
  readonly actor: string;
  readonly state: string;
  readonly text: string | null;
}

/**
 * The fields of the decider's state that the read model shows, chosen one by one: a field added
 * to the state stays out of rows until it is listed here, with a bump of the projection's version
 * (incident.projection.ts) so that every row is rebuilt with it.
 */
const INCIDENT_VIEW_FIELDS = [
  'number',
  'status',
  'title',
  'description',
  'callerId',
  'serviceId',
  'category',
  'impact',
  'urgency',
  'priority',
  'assignmentGroup',
  'assignee',
  'holdReason',
  'resolution',
  'closure',
  'cancellation',
  'majorIncident',
  'problemIds',
  'changeIds',
  'followUps',
  'reopenCount',
  'openedAt',
  'workStartedAt',
  'sla',
  'alert',
] as const satisfies readonly (keyof Incident)[];

export type IncidentView = Pick<Incident, (typeof INCIDENT_VIEW_FIELDS)[number]>;

export function incidentViewOf(incident: Incident): IncidentView {
  return Object.fromEntries(INCIDENT_VIEW_FIELDS.map((field) => [field, incident[field]])) as unknown as IncidentView;
}

export interface IncidentDetail {
  readonly incident: IncidentView;
}

/** A row of the `incidents` table as the API reads it. */
export interface IncidentRow extends RecordRow {
  readonly tenant: string;
  readonly id: string;
  /** When the last event applied was recorded. */
  readonly updatedAt: string;
  readonly detail: IncidentDetail;
  /** Oldest first: all of it as the API and as-of views read it, the new entries in a projection's batch. */
  readonly journal: readonly JournalEntry[];
}

/**
 * The row with what the projection folds the next event onto: the decider's state, kept in a
 * column of its own that the API never reads, at the decider version the projection names.
 */
export interface FoldedIncidentRow extends IncidentRow {
  readonly folded: Incident;
}
