import type { EventContract } from '../event-contract.js';
import type { ServiceAccountEvent, ServiceAccountEventType } from './service-account-events.js';

/** The names service account events are stored under; never rename one (see incident contracts). */
const storedNames = {
  ServiceAccountCreated: 'service-account.created.v1',
  ServiceAccountSecretRotated: 'service-account.secret-rotated.v1',
  ServiceAccountRevoked: 'service-account.revoked.v1',
} as const satisfies { readonly [T in ServiceAccountEventType]: `service-account.${string}.v${number}` };

const serviceAccountEventTypes = Object.keys(storedNames) as readonly ServiceAccountEventType[];

export const serviceAccountEventContracts: readonly EventContract<ServiceAccountEvent>[] = serviceAccountEventTypes.map(
  (type) => ({ type, storedName: storedNames[type] }),
);
