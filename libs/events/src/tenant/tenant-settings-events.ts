import type { DomainEvent } from '../domain-event.js';
import type { IncidentSlaTargets } from '../incident/incident-vocabulary.js';
import type { Priority } from '../shared/priority-vocabulary.js';

/** SLA targets for every priority, as a tenant configures them. */
export type IncidentSlaTargetsByPriority = { readonly [P in Priority]: IncidentSlaTargets };

/** Holds the whole policy, not a diff, so the stream's last event alone is the current policy. */
export type IncidentSlaPolicyConfigured = DomainEvent<
  'IncidentSlaPolicyConfigured',
  { readonly policy: IncidentSlaTargetsByPriority; readonly at: string }
>;

/**
 * Whether resolving a problem with FIX_APPLIED also resolves its linked incidents that are still
 * open (SPEC: on unless the tenant turns it off).
 */
export type ProblemIncidentPolicyConfigured = DomainEvent<
  'ProblemIncidentPolicyConfigured',
  { readonly resolveLinkedIncidentsOnFix: boolean; readonly at: string }
>;

/** Whether a monitoring tool's clear of an alert resolves the incident the alert opened. */
export type AlertPolicyConfigured = DomainEvent<
  'AlertPolicyConfigured',
  { readonly resolveIncidentOnClear: boolean; readonly at: string }
>;

export type TenantSettingsEvent = IncidentSlaPolicyConfigured | ProblemIncidentPolicyConfigured | AlertPolicyConfigured;

export type TenantSettingsEventType = TenantSettingsEvent['type'];
