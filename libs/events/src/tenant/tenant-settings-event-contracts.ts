import type { EventContract } from '../event-contract.js';
import type { TenantSettingsEvent, TenantSettingsEventType } from './tenant-settings-events.js';

/** The names tenant settings events are stored under; never rename one (see incident contracts). */
const storedNames = {
  IncidentSlaPolicyConfigured: 'tenant.incident-sla-policy-configured.v1',
  ProblemIncidentPolicyConfigured: 'tenant.problem-incident-policy-configured.v1',
  AlertPolicyConfigured: 'tenant.alert-policy-configured.v1',
} as const satisfies { readonly [T in TenantSettingsEventType]: `tenant.${string}.v${number}` };

const tenantSettingsEventTypes = Object.keys(storedNames) as readonly TenantSettingsEventType[];

export const tenantSettingsEventContracts: readonly EventContract<TenantSettingsEvent>[] =
  tenantSettingsEventTypes.map((type) => ({ type, storedName: storedNames[type] }));
