import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { foldEvents, serviceAccountDecider, serviceAccountUsableAt, type ServiceAccount } from '#domain';
import { Clock, serviceAccountSecretMatches } from '#commands';
import { eventSerializer, recordStreamId, type ServiceAccountEvent } from '#events';
import { StreamNotFoundError, type EventStore } from '#event-store';
import { QUERY_EVENT_STORE } from '#infrastructure';
import { InvalidTokenError } from './invalid-token.error.js';
import { ROLES, type Principal, type Role } from './principal.js';
import { parseServiceAccountCredential, type ServiceAccountCredential } from './service-account-credential.js';
import { TENANT_ID } from './token-verifier.js';

/** Credentials whose secret was checked, for every active service account of a large deployment. */
const VERIFIED_LIMIT = 10_000;

/**
 * Turns a service account's credential into a principal on every request and every graphql-ws
 * operation. The account is folded from its own stream each time (a handful of events, read
 * from the event store, never from a lagging read model), so a revocation or rotation that was
 * appended is refused by the very next request on any replica. The slow part, scrypt, runs once
 * per credential: a match is remembered together with the hash it matched, and trusted only
 * while the account still holds that hash; a credential remembered for an older hash was rotated.
 */
@Injectable()
export class ServiceAccountAuthenticator {
  /** sha256 of a credential that matched -> the secret hash it matched. */
  private readonly verified = new LRUCache<string, string>({ max: VERIFIED_LIMIT });
  private readonly verifying = new Map<string, Promise<boolean>>();

  constructor(
    @Inject(QUERY_EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  async verify(token: string): Promise<Principal> {
    const credential = parseServiceAccountCredential(token);
    if (!credential || !TENANT_ID.test(credential.tenant)) {
      throw InvalidTokenError.malformed('A service account credential is itsmsa.<tenant>.<account id>.<secret>');
    }
    const account = await this.account(credential);
    if (!account) throw badSecret();
    const digest = createHash('sha256').update(token).digest('base64url');
    const matched = this.verified.get(digest);
    if (matched !== account.secretHash) {
      if (matched !== undefined) throw new InvalidTokenError('rotated', 'The service account secret was rotated; use the new one');
      if (!(await this.matches(digest, credential.secret, account.secretHash))) throw badSecret();
      this.verified.set(digest, account.secretHash);
    }
    return principalOf(account, this.clock.now());
  }

  /** A burst of requests with a credential not yet verified shares one scrypt run. */
  private matches(digest: string, secret: string, hash: string): Promise<boolean> {
    const key = `${digest}\u0000${hash}`;
    let running = this.verifying.get(key);
    if (!running) {
      running = serviceAccountSecretMatches(secret, hash).finally(() => this.verifying.delete(key));
      this.verifying.set(key, running);
    }
    return running;
  }

  private async account({ tenant, accountId }: ServiceAccountCredential): Promise<ServiceAccount | null> {
    const events: ServiceAccountEvent[] = [];
    try {
      for await (const recorded of this.store.readStream(recordStreamId('service-account', tenant, accountId))) {
        events.push(eventSerializer.deserialize<ServiceAccountEvent>(recorded));
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return foldEvents(serviceAccountDecider, events);
  }
}

/** The same answer for an unknown account and a wrong secret: nothing tells which accounts exist. */
function badSecret(): InvalidTokenError {
  return new InvalidTokenError('bad_secret', 'No service account has this credential');
}

function principalOf(account: ServiceAccount, now: Date): Principal {
  if (account.status === 'REVOKED') throw new InvalidTokenError('revoked', 'The service account was revoked');
  if (!serviceAccountUsableAt(account, now.toISOString())) throw new InvalidTokenError('expired', 'The service account has expired');
  return {
    subject: `service-account:${account.accountId}`,
    tenant: account.tenant,
    roles: account.roles.filter((role): role is Role => ROLES.includes(role as Role)),
    ...(account.expiresAt ? { expiresAt: new Date(account.expiresAt) } : {}),
    serviceAccountId: account.accountId,
  };
}
