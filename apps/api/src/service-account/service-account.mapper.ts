import type { ServiceAccountRow } from '#read-model';
import type { Role } from '../auth/principal.js';
import type { ServiceAccountModel } from './service-account.type.js';

export function toServiceAccountModel({ id, version, account }: ServiceAccountRow): ServiceAccountModel {
  return {
    id,
    version,
    number: account.number,
    name: account.name,
    roles: account.roles as Role[],
    state: account.status,
    expiresAt: account.expiresAt,
    created: account.created,
    secretRotated: account.secretRotated,
    revoked: account.revoked,
  };
}
