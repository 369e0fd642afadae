import { describe, expect, it } from '@jest/globals';
import type { ServiceAccountEvent } from '#events';
import { foldEvents } from '../decider.js';
import { decideAfter, thenEvents, thenRefused, type DeciderCase } from '../testing/decider-specification.js';
import type { CreateServiceAccount, ServiceAccountCommand } from './service-account.commands.js';
import { serviceAccountDecider } from './service-account.decider.js';
import { serviceAccountUsableAt } from './service-account.state.js';

type Case = DeciderCase<ServiceAccountCommand, ServiceAccountEvent>;

const now = '2026-03-02T09:00:00.000Z';
const later = '2026-03-03T09:00:00.000Z';
const fields: CreateServiceAccount['data'] = {
  accountId: '0b7f3c52-7d0e-4f8e-9a43-1d2c3b4a5e6f',
  tenant: 'acme',
  number: 'SVC0001001',
  name: 'Prometheus',
  roles: ['automation'],
  expiresAt: null,
  secretHash: 'scrypt$first',
};

const create = (data: Partial<CreateServiceAccount['data']> = {}): ServiceAccountCommand => ({
  type: 'CreateServiceAccount',
  data: { ...fields, ...data },
  metadata: { now },
});
const rotate = (secretHash: string): ServiceAccountCommand => ({ type: 'RotateServiceAccountSecret', data: { secretHash }, metadata: { now: later } });
const revoke = (reason = 'leaked'): ServiceAccountCommand => ({ type: 'RevokeServiceAccount', data: { reason }, metadata: { now: later } });

const created = (data: Partial<CreateServiceAccount['data']> = {}): ServiceAccountEvent => ({
  type: 'ServiceAccountCreated',
  data: { ...fields, ...data, at: now },
});
const rotated = (secretHash: string): ServiceAccountEvent => ({ type: 'ServiceAccountSecretRotated', data: { secretHash, at: later } });
const revoked: ServiceAccountEvent = { type: 'ServiceAccountRevoked', data: { reason: 'leaked', at: later } };

const cases: Case[] = [
  { name: 'an admin creates an account with its roles and the hash of its secret', given: [], when: create(), then: thenEvents(created()) },
  {
    name: 'an expiry is kept in canonical UTC form; the same role twice is kept once',
    given: [],
    when: create({ expiresAt: '2026-04-01T10:00:00+01:00', roles: ['automation', 'agent', 'automation'] }),
    then: thenEvents(created({ expiresAt: '2026-04-01T09:00:00.000Z', roles: ['automation', 'agent'] })),
  },
  { name: 'refuses an expiry that is not in the future', given: [], when: create({ expiresAt: now }), then: thenRefused('BAD_USER_INPUT', 'expiresAt') },
  { name: 'refuses an account without roles', given: [], when: create({ roles: [] }), then: thenRefused('BAD_USER_INPUT', 'roles') },
  { name: 'refuses a blank name', given: [], when: create({ name: '  ' }), then: thenRefused('BAD_USER_INPUT', 'name') },
  { name: 'refuses a name over 100 characters', given: [], when: create({ name: 'x'.repeat(101) }), then: thenRefused('BAD_USER_INPUT', 'name') },
  { name: 'refuses creating an account twice', given: [created()], when: create(), then: thenRefused('INVALID_TRANSITION') },
  { name: 'rotation replaces the secret hash', given: [created()], when: rotate('scrypt$second'), then: thenEvents(rotated('scrypt$second')) },
  { name: 'revocation records why', given: [created(), rotated('scrypt$second')], when: revoke(), then: thenEvents(revoked) },
  { name: 'refuses rotating a revoked account: revocation is final', given: [created(), revoked], when: rotate('scrypt$third'), then: thenRefused('INVALID_TRANSITION') },
  { name: 'refuses revoking twice', given: [created(), revoked], when: revoke(), then: thenRefused('INVALID_TRANSITION') },
  { name: 'refuses rotating an account that does not exist', given: [], when: rotate('scrypt$x'), then: thenRefused('NOT_FOUND') },
  { name: 'refuses revoking without a reason', given: [created()], when: revoke(' '), then: thenRefused('BAD_USER_INPUT', 'reason') },
];

describe('service accounts', () => {
  it.each(cases)('$name', ({ given, when, then }) => {
    expect(decideAfter(serviceAccountDecider, given, when)).toEqual(then);
  });

  it('is usable while active and before its expiry, never after revocation', () => {
    const expiring = foldEvents(serviceAccountDecider, [created({ expiresAt: later })])!;
    expect(serviceAccountUsableAt(expiring, now)).toBe(true);
    expect(serviceAccountUsableAt(expiring, later)).toBe(false);
    const gone = foldEvents(serviceAccountDecider, [created(), rotated('scrypt$second'), revoked])!;
    expect(gone).toMatchObject({ status: 'REVOKED', secretHash: 'scrypt$second', secretRotatedAt: later });
    expect(serviceAccountUsableAt(gone, now)).toBe(false);
  });
});
