import type { ServiceAccountEvent } from '#events';

export type ServiceAccountStatus = 'ACTIVE' | 'REVOKED';

/** A service account as folded from its events: what deciding and authenticating read. */
export interface ServiceAccount {
  readonly accountId: string;
  readonly tenant: string;
  readonly number: string;
  readonly status: ServiceAccountStatus;
  readonly name: string;
  readonly roles: readonly string[];
  readonly expiresAt: string | null;
  /** The hash of the one secret that works now. */
  readonly secretHash: string;
  readonly createdAt: string;
  readonly secretRotatedAt: string | null;
  readonly revoked: { readonly reason: string; readonly at: string } | null;
}

/** Null until the account is created. */
export type ServiceAccountState = ServiceAccount | null;

export const initialServiceAccountState: ServiceAccountState = null;

export function evolveServiceAccount(state: ServiceAccountState, event: ServiceAccountEvent): ServiceAccountState {
  if (state === null) {
    if (event.type !== 'ServiceAccountCreated') return state;
    const { at, ...fields } = event.data;
    return { ...fields, status: 'ACTIVE', createdAt: at, secretRotatedAt: null, revoked: null };
  }
  switch (event.type) {
    case 'ServiceAccountCreated':
      return state;
    case 'ServiceAccountSecretRotated':
      return { ...state, secretHash: event.data.secretHash, secretRotatedAt: event.data.at };
    case 'ServiceAccountRevoked':
      return { ...state, status: 'REVOKED', revoked: event.data };
  }
}

/** Whether the account's credential may be used at `now` (ISO-8601): not revoked, not expired. */
export function serviceAccountUsableAt(account: ServiceAccount, now: string): boolean {
  return account.status === 'ACTIVE' && (account.expiresAt === null || account.expiresAt > now);
}
