export const ROLES = [
  'requester',
  'agent',
  'problem_manager',
  'change_manager',
  'cab_member',
  'auditor',
  'automation',
  'admin',
] as const;

export type Role = (typeof ROLES)[number];

/** The authenticated caller, from a verified token: who, for which tenant, with which roles. */
export interface Principal {
  readonly subject: string;
  readonly tenant: string;
  readonly roles: readonly Role[];
  /** When the token it came from stops being valid; long-lived connections end then. */
  readonly expiresAt?: Date;
  /**
   * The correlation id the caller sent for this request (`x-correlation-id`), so the events it
   * causes can be traced back to, say, the pipeline run that asked for them.
   */
  readonly correlationId?: string;
  /** Set when the caller is a service account: its commands carry origin `automation` and this id. */
  readonly serviceAccountId?: string;
}

export function hasAnyRole(principal: Principal, roles: readonly Role[]): boolean {
  return roles.some((role) => principal.roles.includes(role));
}
