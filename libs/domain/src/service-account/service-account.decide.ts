import type { ServiceAccountEvent } from '#events';
import { DomainError } from '../domain-error.js';
import { normalizeInstant, toEpochMs } from '../instant.js';
import { requireText } from '../shared/input.guards.js';
import { requireStatusOf } from '../shared/state.guards.js';
import type { CreateServiceAccount, ServiceAccountCommand } from './service-account.commands.js';
import type { ServiceAccount, ServiceAccountState } from './service-account.state.js';

/** Names people tell accounts apart by; longer ones are surely mistakes. */
export const maxServiceAccountNameLength = 100;

/**
 * Creation checks its input; rotation and revocation need an account that is not revoked
 * (revocation is final, so a revoked account's secret is never replaced by one that works).
 */
export function decideServiceAccount(command: ServiceAccountCommand, state: ServiceAccountState): ServiceAccountEvent[] {
  const at = normalizeInstant(command.metadata.now);
  switch (command.type) {
    case 'CreateServiceAccount':
      return decideCreate(command.data, state, at);
    case 'RotateServiceAccountSecret':
      requireActive(state, 'rotate the secret of');
      return [{ type: 'ServiceAccountSecretRotated', data: { secretHash: requireText(command.data.secretHash, 'secretHash'), at } }];
    case 'RevokeServiceAccount':
      requireActive(state, 'revoke');
      return [{ type: 'ServiceAccountRevoked', data: { reason: requireText(command.data.reason, 'reason'), at } }];
  }
}

function decideCreate(data: CreateServiceAccount['data'], state: ServiceAccountState, at: string): ServiceAccountEvent[] {
  if (state !== null) throw DomainError.invalidTransition(`Service account ${state.number} already exists`);
  const name = requireText(data.name, 'name').trim();
  if (name.length > maxServiceAccountNameLength) {
    throw DomainError.badUserInput('name', `name must be at most ${maxServiceAccountNameLength} characters`);
  }
  if (data.roles.length === 0) throw DomainError.badUserInput('roles', 'roles must name at least one role');
  const expiresAt = data.expiresAt === null ? null : normalizeInstant(data.expiresAt);
  if (expiresAt !== null && toEpochMs(expiresAt) <= toEpochMs(at)) {
    throw DomainError.badUserInput('expiresAt', 'expiresAt must be in the future');
  }
  return [
    {
      type: 'ServiceAccountCreated',
      data: {
        accountId: requireText(data.accountId, 'accountId'),
        tenant: requireText(data.tenant, 'tenant'),
        number: requireText(data.number, 'number'),
        name,
        roles: [...new Set(data.roles)],
        expiresAt,
        secretHash: requireText(data.secretHash, 'secretHash'),
        at,
      },
    },
  ];
}

function requireActive(state: ServiceAccountState, action: string): ServiceAccount {
  if (state === null) throw DomainError.notFound('Service account not found');
  requireStatusOf('service account', state, ['ACTIVE'], action);
  return state;
}
