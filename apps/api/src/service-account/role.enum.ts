import { registerEnumType } from '@nestjs/graphql';
import { enumOf } from '../graphql/enum-of.js';
import { ROLES, type Role } from '../auth/principal.js';

export const RoleEnum = enumOf<Role>(ROLES);

const descriptions: { readonly [R in Role]: string } = {
  requester: 'Opens incidents and comments on their own',
  agent: 'Works incidents',
  problem_manager: 'Manages problems',
  change_manager: 'Manages changes',
  cab_member: 'Approves changes on the change advisory board',
  auditor: 'Reads everything of the tenant, history included; writes nothing',
  automation: 'A service: raises alerts and issues commands as agents do',
  admin: "Manages the tenant's settings and service accounts",
};

registerEnumType(RoleEnum, {
  name: 'Role',
  description: 'A role a token or service account carries',
  valuesMap: Object.fromEntries(Object.entries(descriptions).map(([role, description]) => [role, { description }])),
});
