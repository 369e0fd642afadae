import type { DomainEvent } from '../domain-event.js';

/*
 * A service account is an automation's identity in one tenant. Its secret is never stored, only
 * a salted hash of it (`scrypt$…`, see the commands library), so history can show every event.
 * Who created, rotated or revoked it is in each event's metadata (actor).
 */

export type ServiceAccountCreated = DomainEvent<
  'ServiceAccountCreated',
  {
    readonly accountId: string;
    readonly tenant: string;
    readonly number: string;
    readonly name: string;
    /** Role names as tokens carry them (`automation`, `agent`…). */
    readonly roles: readonly string[];
    /** When its credential stops working by itself; null: until revoked. */
    readonly expiresAt: string | null;
    readonly secretHash: string;
    readonly at: string;
  }
>;

/** The earlier secret stops working from this event on. */
export type ServiceAccountSecretRotated = DomainEvent<
  'ServiceAccountSecretRotated',
  { readonly secretHash: string; readonly at: string }
>;

/** Final: the account's credential never works again. */
export type ServiceAccountRevoked = DomainEvent<'ServiceAccountRevoked', { readonly reason: string; readonly at: string }>;

export type ServiceAccountEvent = ServiceAccountCreated | ServiceAccountSecretRotated | ServiceAccountRevoked;

export type ServiceAccountEventType = ServiceAccountEvent['type'];
