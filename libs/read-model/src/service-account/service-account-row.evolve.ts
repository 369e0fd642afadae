import { eventSerializer, type ServiceAccountEvent } from '#events';
import type { RecordedEvent } from '#event-store';
import type { RowKey } from '../row-projection.js';
import type { ServiceAccountRow, ServiceAccountView } from './service-account-row.js';

/** The account as admins see it, with who created, rotated and revoked it (from the metadata). */
export function evolveServiceAccountRow(row: ServiceAccountRow | undefined, recorded: RecordedEvent, key: RowKey): ServiceAccountRow | undefined {
  const event = eventSerializer.deserialize<ServiceAccountEvent>(recorded);
  const account = evolveView(row?.account, event, recorded.metadata.actor);
  if (!account) return row;
  return { ...key, version: recorded.revision.toString(), updatedAt: recorded.created.toISOString(), account };
}

function evolveView(view: ServiceAccountView | undefined, event: ServiceAccountEvent, by: string): ServiceAccountView | undefined {
  if (!view) {
    if (event.type !== 'ServiceAccountCreated') return undefined;
    const { number, name, roles, expiresAt, at } = event.data;
    return { number, name, roles, status: 'ACTIVE', expiresAt, created: { at, by }, secretRotated: null, revoked: null };
  }
  switch (event.type) {
    case 'ServiceAccountCreated':
      return view;
    case 'ServiceAccountSecretRotated':
      return { ...view, secretRotated: { at: event.data.at, by } };
    case 'ServiceAccountRevoked':
      return { ...view, status: 'REVOKED', revoked: { at: event.data.at, by, reason: event.data.reason } };
  }
}
