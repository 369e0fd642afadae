import type { ServiceAccountStatus } from '#domain';
import type { RecordRow } from '../record-read-model.js';

/** Who did something to an account, and when: the actor comes from the event's metadata. */
export interface AccountAct {
  readonly at: string;
  readonly by: string;
}

/** An account as admins list it: never its secret, nor the secret's hash. */
export interface ServiceAccountView {
  readonly number: string;
  readonly name: string;
  readonly roles: readonly string[];
  readonly status: ServiceAccountStatus;
  readonly expiresAt: string | null;
  readonly created: AccountAct;
  readonly secretRotated: AccountAct | null;
  readonly revoked: (AccountAct & { readonly reason: string }) | null;
}

export interface ServiceAccountRow extends RecordRow {
  readonly tenant: string;
  readonly id: string;
  readonly updatedAt: string;
  readonly account: ServiceAccountView;
}
