import type { Priority, IncidentSlaTargets, IncidentSlaTargetsByPriority } from '#events';

/** SLA targets for every priority; each tenant has one, handed to the decider as data. */
export type IncidentSlaPolicy = IncidentSlaTargetsByPriority;

/** SPEC.md's defaults, for tenants that have not configured their own. */
export const defaultIncidentSlaPolicy: IncidentSlaPolicy = {
  P1: { responseMinutes: 15, resolutionMinutes: 4 * 60 },
  P2: { responseMinutes: 30, resolutionMinutes: 8 * 60 },
  P3: { responseMinutes: 2 * 60, resolutionMinutes: 24 * 60 },
  P4: { responseMinutes: 8 * 60, resolutionMinutes: 72 * 60 },
  P5: { responseMinutes: 24 * 60, resolutionMinutes: 168 * 60 },
};

/** The policy comes from tenant settings, not a user; a bad one is a configuration bug. */
export function slaTargetsFor(
  policy: IncidentSlaPolicy,
  priority: Priority,
): IncidentSlaTargets {
  const targets = policy[priority];
  for (const minutes of [targets.responseMinutes, targets.resolutionMinutes]) {
    if (!Number.isInteger(minutes) || minutes <= 0) {
      throw new RangeError(`SLA targets for ${priority} must be positive whole minutes`);
    }
  }
  return targets;
}
