import type { AlertPolicyConfigured, TenantSettingsEvent } from '#events';
import type { IncidentSlaPolicy } from '../incident/incident-sla-policy.js';

/** What a tenant has configured; null means it runs on the SPEC defaults. */
export interface TenantSettingsState {
  readonly incidentSlaPolicy: IncidentSlaPolicy | null;
  /** Absent until configured. */
  readonly alertPolicy?: AlertPolicy;
}

export type AlertPolicy = Omit<AlertPolicyConfigured['data'], 'at'>;

/** Until a tenant decides, a clear is recorded on the incident and people resolve it. */
export const defaultAlertPolicy: AlertPolicy = { resolveIncidentOnClear: false };

export const initialTenantSettingsState: TenantSettingsState = { incidentSlaPolicy: null };

/** Each event carries a whole policy, so the last one of each kind gives the current state. */
export function evolveTenantSettings(
  state: TenantSettingsState,
  event: TenantSettingsEvent,
): TenantSettingsState {
  switch (event.type) {
    case 'IncidentSlaPolicyConfigured':
      return { ...state, incidentSlaPolicy: event.data.policy };
    case 'AlertPolicyConfigured':
      return { ...state, alertPolicy: { resolveIncidentOnClear: event.data.resolveIncidentOnClear } };
  }
}
