import { registerEnumType } from '@nestjs/graphql';
import { enumOf } from '../graphql/enum-of.js';
import { ROLES, type Role } from '../auth/principal.js';

export const RoleEnum = enumOf<Role>(ROLES);

registerEnumType(RoleEnum, { name: 'Role', description: 'A role a token or service account carries (see the README role matrix)' });
