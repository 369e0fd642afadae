import type { Role } from '../auth/principal.js';

/** Who works problems: problem managers and the agents who find them behind incidents. */
export const PROBLEM_WORKERS: readonly Role[] = ['problem_manager', 'agent'];

/** Who reads problems: their workers and auditors; every other role is FORBIDDEN, requesters too. */
export const PROBLEM_READERS: readonly Role[] = [...PROBLEM_WORKERS, 'auditor'];
