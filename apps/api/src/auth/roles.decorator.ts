import { SetMetadata } from '@nestjs/common';
import type { Role } from './principal.js';

export const ROLES_KEY = 'itsm:roles';

/** The roles allowed to call a resolver; without it any authenticated caller may. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
