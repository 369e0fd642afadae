import type { Incident } from '#domain';

/** A note or comment with its author, who is known from the event's metadata. */
export interface AuthoredEntry {
  readonly text: string;
  readonly at: string;
  readonly author: string;
}

/** One line of an incident's activity: what happened, when, by whom, and the state after. */
export interface TimelineEntry {
  readonly event: string;
  readonly at: string;
  readonly actor: string;
  readonly state: string;
}

export interface IncidentDetail {
  /** The incident folded by the domain's own `evolve`, so the read model and decisions agree. */
  readonly incident: Incident;
  readonly workNotes: readonly AuthoredEntry[];
  readonly comments: readonly AuthoredEntry[];
  readonly timeline: readonly TimelineEntry[];
}

/** A row of the `incidents` table; list columns are copied out of the detail for indexing. */
export interface IncidentRow {
  readonly tenant: string;
  readonly id: string;
  readonly version: string;
  /** When the last event applied was recorded. */
  readonly updatedAt: string;
  readonly detail: IncidentDetail;
}
