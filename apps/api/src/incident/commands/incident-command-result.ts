/** What an incident command hands back to the resolver: enough to build the payload. */
export interface IncidentCommandResult {
  readonly tenant: string;
  readonly incidentId: string;
  readonly version: string;
  readonly position: string;
}
