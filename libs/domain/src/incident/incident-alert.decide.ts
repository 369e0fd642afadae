import { alertSeverities, type IncidentAlertReceived, type IncidentEvent } from '#events';
import { DomainError } from '../domain-error.js';
import { requireOneOf, requireText } from '../shared/input.guards.js';
import type { ClearIncidentAlert, IncidentAlert, RaiseIncidentAlert } from './incident.commands.js';
import { activeStatuses, requireIncident, requireStatus } from './incident.guards.js';
import { decideOpen, decideResolve } from './incident-lifecycle.decide.js';
import type { IncidentState } from './incident.state.js';

/**
 * A monitoring tool's alerts on the incident of their fingerprint (the alert stream says which).
 * The first opens it, repeats while it is NEW, IN_PROGRESS or ON_HOLD count on it; once it is
 * resolved, closed or canceled they are refused (INVALID_TRANSITION) so the caller starts the
 * alert's next episode, a new incident.
 */
export function decideAlertRaise(data: RaiseIncidentAlert['data'], state: IncidentState, now: string): IncidentEvent[] {
  const received = alertReceived(data.alert, now);
  if (state === null) return [...decideOpen(data.open ?? refuseMissing(), state, now), received];
  requireStatus(state, activeStatuses, 'record an alert on');
  return [received];
}

/**
 * A clear of an incident's alert is recorded while it is active, and resolves it when the tenant
 * says so; once people resolved or ended it, there is nothing left to do.
 */
export function decideAlertClear(data: ClearIncidentAlert['data'], state: IncidentState, now: string): IncidentEvent[] {
  const incident = requireIncident(state);
  if (!activeStatuses.includes(incident.status) || incident.alert === null || incident.alert.clearedAt !== null) return [];
  const cleared: IncidentEvent = { type: 'IncidentAlertCleared', data: { at: now } };
  if (!data.resolve) return [cleared];
  const notes = `The alert was cleared by ${incident.alert.source}`;
  return [cleared, ...decideResolve({ resolutionCode: 'CLEARED_BY_MONITORING', resolutionNotes: notes }, state, now)];
}

function refuseMissing(): never {
  throw DomainError.notFound('Incident not found');
}

function alertReceived(alert: IncidentAlert, at: string): IncidentAlertReceived {
  return {
    type: 'IncidentAlertReceived',
    data: {
      source: requireText(alert.source, 'source'),
      fingerprint: requireText(alert.fingerprint, 'fingerprint'),
      severity: requireOneOf(alert.severity, alertSeverities, 'severity'),
      summary: requireText(alert.summary, 'summary'),
      at,
    },
  };
}
