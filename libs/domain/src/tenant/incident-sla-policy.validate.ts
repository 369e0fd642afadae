import { priorities, type Priority, type IncidentSlaTargets } from '#events';
import { DomainError } from '../domain-error.js';
import type { IncidentSlaPolicy } from '../incident/incident-sla-policy.js';
import type { ConfigureIncidentSlaPolicy } from './tenant-settings.commands.js';

type PolicyInput = ConfigureIncidentSlaPolicy['data']['policy'];

/** A year: longer targets are surely typing mistakes, and would never warn or breach. */
export const maxSlaTargetMinutes = 525_600;

/**
 * Checks a policy that came from a user and returns it with only the known fields, in priority
 * order, so what is stored is exactly what the clock reads. Fields are named as in the input
 * (`policy.P1.responseMinutes`).
 */
export function requireIncidentSlaPolicy(policy: PolicyInput): IncidentSlaPolicy {
  const entries = priorities.map((priority) => [priority, requireTargets(policy, priority)]);
  return Object.fromEntries(entries) as IncidentSlaPolicy;
}

function requireTargets(policy: PolicyInput, priority: Priority): IncidentSlaTargets {
  const field = `policy.${priority}`;
  const targets = policy[priority];
  if (targets === undefined || targets === null) {
    throw DomainError.badUserInput(field, `${field} must be given: a policy sets every priority`);
  }
  const responseMinutes = requireMinutes(targets.responseMinutes, `${field}.responseMinutes`);
  const resolutionMinutes = requireMinutes(targets.resolutionMinutes, `${field}.resolutionMinutes`);
  if (responseMinutes > resolutionMinutes) {
    throw DomainError.badUserInput(
      `${field}.responseMinutes`,
      `${field}.responseMinutes must not exceed ${field}.resolutionMinutes`,
    );
  }
  return { responseMinutes, resolutionMinutes };
}

function requireMinutes(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 1 || value > maxSlaTargetMinutes) {
    throw DomainError.badUserInput(
      field,
      `${field} must be whole minutes from 1 to ${maxSlaTargetMinutes}`,
    );
  }
  return value;
}
