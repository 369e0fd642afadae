import type { TenantSettingsEvent } from '#events';
import { defaultIncidentSlaPolicy, type IncidentSlaPolicy } from '../incident/incident-sla-policy.js';
import type { ConfigureIncidentSlaPolicy } from '../tenant/tenant-settings.commands.js';

/** Test data for the tenant settings decider: one instant, policies built from the defaults. */

const configuredAt = '2026-03-02T09:00:00.000Z';

/** The SPEC defaults with one priority's targets replaced. */
export function policyWith(
  priority: keyof IncidentSlaPolicy,
  responseMinutes: number,
  resolutionMinutes: number,
): IncidentSlaPolicy {
  return { ...defaultIncidentSlaPolicy, [priority]: { responseMinutes, resolutionMinutes } };
}

export function configure(policy: ConfigureIncidentSlaPolicy['data']['policy']): ConfigureIncidentSlaPolicy {
  return { type: 'ConfigureIncidentSlaPolicy', data: { policy }, metadata: { now: configuredAt } };
}

export function configured(policy: IncidentSlaPolicy): TenantSettingsEvent {
  return { type: 'IncidentSlaPolicyConfigured', data: { policy, at: configuredAt } };
}
