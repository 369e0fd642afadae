import { DomainError } from '../domain-error.js';
import { refuseNoChangeOf, requireStatusOf } from '../shared/state.guards.js';
import type { Incident, IncidentState, IncidentStatus } from './incident.state.js';

/** The incident's own checks decide runs before producing events; each throws a DomainError. */

export const activeStatuses: readonly IncidentStatus[] = ['NEW', 'IN_PROGRESS', 'ON_HOLD'];

/** Not final: notes, comments, links and detail fixes are still welcome on a RESOLVED incident. */
export const openStatuses: readonly IncidentStatus[] = [...activeStatuses, 'RESOLVED'];

export function requireIncident(state: IncidentState): Incident {
  if (state === null) throw DomainError.notFound('Incident not found');
  return state;
}

export function requireStatus(incident: Incident, allowed: readonly IncidentStatus[], action: string): void {
  requireStatusOf('incident', incident, allowed, action);
}

export function refuseNoChange(incident: Incident, what: string): never {
  return refuseNoChangeOf('incident', incident, what);
}
