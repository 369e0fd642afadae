/** One step of a record's activity: what happened, when, by whom, and the state after. */
export interface TimelineEntry {
  readonly event: string;
  readonly at: string;
  readonly actor: string;
  readonly state: string;
}
