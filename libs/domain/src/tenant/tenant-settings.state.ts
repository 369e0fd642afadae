import type { TenantSettingsEvent } from '#events';
import type { IncidentSlaPolicy } from '../incident/incident-sla-policy.js';

/** What a tenant has configured; null or absent means it runs on the SPEC defaults. */
export interface TenantSettingsState {
  readonly incidentSlaPolicy: IncidentSlaPolicy | null;
  /** Whether a problem resolved with FIX_APPLIED resolves its open incidents; absent: yes. */
  readonly resolveLinkedIncidentsOnFix?: boolean;
}

export const initialTenantSettingsState: TenantSettingsState = { incidentSlaPolicy: null };

/** Each event carries the whole of one setting, so the last one of its kind is its current value. */
export function evolveTenantSettings(
  state: TenantSettingsState,
  event: TenantSettingsEvent,
): TenantSettingsState {
  switch (event.type) {
    case 'IncidentSlaPolicyConfigured':
      return { ...state, incidentSlaPolicy: event.data.policy };
    case 'ProblemIncidentPolicyConfigured':
      return { ...state, resolveLinkedIncidentsOnFix: event.data.resolveLinkedIncidentsOnFix };
  }
}
