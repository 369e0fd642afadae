import type { TenantSettingsEvent } from '#events';
import type { IncidentSlaPolicy } from '../incident/incident-sla-policy.js';

/** What a tenant has configured; null means it runs on the SPEC defaults. */
export interface TenantSettingsState {
  readonly incidentSlaPolicy: IncidentSlaPolicy | null;
}

export const initialTenantSettingsState: TenantSettingsState = { incidentSlaPolicy: null };

/** Each event carries the whole policy, so the last one alone gives the current state. */
export function evolveTenantSettings(
  state: TenantSettingsState,
  event: TenantSettingsEvent,
): TenantSettingsState {
  switch (event.type) {
    case 'IncidentSlaPolicyConfigured':
      return { ...state, incidentSlaPolicy: event.data.policy };
  }
}
