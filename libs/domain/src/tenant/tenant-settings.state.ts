import type { AlertPolicyConfigured, TenantSettingsEvent } from '#events';
import type { IncidentSlaPolicy } from '../incident/incident-sla-policy.js';

/** What a tenant has configured; null or absent means it runs on the SPEC defaults. */
export interface TenantSettingsState {
  readonly incidentSlaPolicy: IncidentSlaPolicy | null;
  /** Whether a problem resolved with FIX_APPLIED resolves its open incidents; absent: yes. */
  readonly resolveLinkedIncidentsOnFix?: boolean;
  /** Absent until configured. */
  readonly alertPolicy?: AlertPolicy;
}

export type AlertPolicy = Omit<AlertPolicyConfigured['data'], 'at'>;

/** Until a tenant decides, a clear is recorded on the incident and people resolve it. */
export const defaultAlertPolicy: AlertPolicy = { resolveIncidentOnClear: false };

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
    case 'AlertPolicyConfigured':
      return { ...state, alertPolicy: { resolveIncidentOnClear: event.data.resolveIncidentOnClear } };
  }
}
