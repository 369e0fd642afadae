import type { Priority, IncidentSlaTargets } from '#events';
import type { DomainCommand } from '../domain-command.js';

/**
 * Replaces the tenant's whole SLA policy. Typed loosely (a priority may be missing), as it comes
 * from a user: the decider checks every target itself and names the field at fault.
 */
export type ConfigureIncidentSlaPolicy = DomainCommand<
  'ConfigureIncidentSlaPolicy',
  { readonly policy: { readonly [P in Priority]?: IncidentSlaTargets | null } }
>;

/** Turns on or off the resolving of a fixed problem's open incidents. */
export type ConfigureProblemIncidentPolicy = DomainCommand<
  'ConfigureProblemIncidentPolicy',
  { readonly resolveLinkedIncidentsOnFix: boolean }
>;

/** Whether a monitoring tool's clear of an alert resolves the incident it opened. */
export type ConfigureAlertPolicy = DomainCommand<'ConfigureAlertPolicy', { readonly resolveIncidentOnClear: boolean }>;

export type TenantSettingsCommand = ConfigureIncidentSlaPolicy | ConfigureProblemIncidentPolicy | ConfigureAlertPolicy;
