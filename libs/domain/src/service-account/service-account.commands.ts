import type { DomainCommand } from '../domain-command.js';

/**
 * The server makes the id, number and secret; the command carries only the secret's hash, so
 * neither the decider nor the store ever sees the secret.
 */
export type CreateServiceAccount = DomainCommand<
  'CreateServiceAccount',
  {
    readonly accountId: string;
    readonly tenant: string;
    readonly number: string;
    readonly name: string;
    readonly roles: readonly string[];
    readonly expiresAt: string | null;
    readonly secretHash: string;
  }
>;

export type RotateServiceAccountSecret = DomainCommand<'RotateServiceAccountSecret', { readonly secretHash: string }>;

export type RevokeServiceAccount = DomainCommand<'RevokeServiceAccount', { readonly reason: string }>;

export type ServiceAccountCommand = CreateServiceAccount | RotateServiceAccountSecret | RevokeServiceAccount;
