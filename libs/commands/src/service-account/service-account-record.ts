import { serviceAccountDecider, type CreateServiceAccount, type ServiceAccountCommand, type ServiceAccountState } from '#domain';
import type { ServiceAccountEvent } from '#events';
import type { RecordDefinition } from '../record-definition.js';

/** What the admin decides, and the hash of the secret the server made. */
export type CreateServiceAccountFields = Omit<CreateServiceAccount['data'], 'accountId' | 'tenant' | 'number'>;

type Intent<C> = C extends ServiceAccountCommand ? Omit<C, 'metadata'> : never;

export type ServiceAccountIntent = Intent<Exclude<ServiceAccountCommand, CreateServiceAccount>>;

export type ServiceAccountRecordDefinition = RecordDefinition<
  ServiceAccountCommand,
  ServiceAccountEvent,
  ServiceAccountState,
  CreateServiceAccountFields,
  ServiceAccountIntent
>;

/** Service accounts on the one command path: numbered SVC…, nothing to complete from settings. */
export const serviceAccountRecord: ServiceAccountRecordDefinition = {
  kind: 'service-account',
  decider: serviceAccountDecider,
  idNamespace: '9c4e2a71-5b3d-4f60-8e1a-7d2c6b5a4f39',
  async open(fields, { id, tenant, number }, { envelope }) {
    return { type: 'CreateServiceAccount', data: { accountId: id, tenant, number, ...fields }, metadata: { now: envelope.now.toISOString() } };
  },
  async complete(intent, { envelope }) {
    return { ...intent, metadata: { now: envelope.now.toISOString() } };
  },
};
