/** How the schema names a record type, its operations and their descriptions. */
export interface RecordNames<Singular extends string = string> {
  /** The object type: `Incident`; also the stem of `IncidentConnection`, `IncidentPayload`... */
  readonly type: string;
  /** One record in prose and in field names: `incident` (`incident(id)`, `incidentId`). */
  readonly singular: Singular;
  /** With its article, for descriptions: `an incident`. */
  readonly withArticle: string;
  /** The list query and prose: `incidents`. */
  readonly plural: string;
  /** The order lists come in, as said in descriptions: `queue order` ... */
  readonly listOrder: string;
  /** ... and what it means: `priority, then oldest first`. */
  readonly listOrderMeans: string;
  /** Who sees fewer than the whole tenant, said of the list: `requesters see their own`. */
  readonly listVisibility: string;
}

export function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
