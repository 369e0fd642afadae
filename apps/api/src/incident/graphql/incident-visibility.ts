import type { Principal } from '../../auth/principal.js';

/** Requesters see their own incidents only; every other role sees the whole tenant. */
export function canSeeIncident(principal: Principal, callerId: string): boolean {
  return principal.roles.some((role) => role !== 'requester') || principal.subject === callerId;
}
