import { ROLES, type Role } from '../auth/principal.js';

/** Everyone in the tenant reads incidents; requesters only their own (see canSeeIncident). */
export const INCIDENT_READERS: readonly Role[] = ROLES;

/** Who works incidents (SPEC.md Security); requesters only open and comment on their own. */
export const INCIDENT_WORKERS: readonly Role[] = ['agent', 'automation', 'admin'];

