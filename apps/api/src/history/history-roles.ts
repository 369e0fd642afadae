import { ROLES } from '../auth/principal.js';

/** History shows internal work notes and every actor, so requesters are refused it. */
export const HISTORY_READERS = ROLES.filter((role) => role !== 'requester');
