import { incidentLevels, type IncidentLevel } from '#events';
import { DomainError } from '../domain-error.js';
import type { Incident, IncidentState, IncidentStatus } from './incident.state.js';

/** The checks decide runs before producing events; each throws a DomainError. */

export const activeStatuses: readonly IncidentStatus[] = ['NEW', 'IN_PROGRESS', 'ON_HOLD'];

/** Not final: notes, comments, links and detail fixes are still welcome on a RESOLVED incident. */
export const openStatuses: readonly IncidentStatus[] = [...activeStatuses, 'RESOLVED'];

export function requireIncident(state: IncidentState): Incident {
  if (state === null) throw DomainError.notFound('Incident not found');
  return state;
}

export function requireStatus(
  incident: Incident,
  allowed: readonly IncidentStatus[],
  action: string,
): void {
  if (!allowed.includes(incident.status)) {
    throw DomainError.invalidTransition(
      `Cannot ${action} incident ${incident.number}: it is ${incident.status}`,
    );
  }
}

/** For commands that would change nothing: refused like a misfit, so nothing is appended. */
export function refuseNoChange(incident: Incident, what: string): never {
  throw DomainError.invalidTransition(`Incident ${incident.number} ${what}`);
}

export function requireText(value: string, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw DomainError.badUserInput(field, `${field} must not be empty`);
  }
  return value;
}

/** Null stays null (cleared); a given value must not be blank. */
export function optionalText(value: string | null, field: string): string | null {
  return value === null ? null : requireText(value, field);
}

export function requireLevel(value: number, field: string): IncidentLevel {
  const level = incidentLevels.find((candidate) => candidate === value);
  if (level === undefined) throw DomainError.badUserInput(field, `${field} must be 1, 2 or 3`);
  return level;
}

export function requireOneOf<T extends string>(value: T, allowed: readonly T[], field: string): T {
  if (!allowed.includes(value)) {
    throw DomainError.badUserInput(field, `${field} must be one of ${allowed.join(', ')}`);
  }
  return value;
}
