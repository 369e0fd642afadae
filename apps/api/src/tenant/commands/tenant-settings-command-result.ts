import type { IncidentSlaPolicy } from '#domain';

/** The tenant's settings after a command, and the version of its settings stream. */
export interface TenantSettingsCommandResult {
  readonly incidentSlaPolicy: IncidentSlaPolicy;
  readonly version: string;
}
