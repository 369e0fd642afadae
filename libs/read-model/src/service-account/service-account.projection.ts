import { eventSerializer, parseRecordStreamId } from '#events';
import { rowKeyString, rowProjection } from '../row-projection.js';
import type { ServiceAccountRow } from './service-account-row.js';
import { evolveServiceAccountRow } from './service-account-row.evolve.js';
import { SERVICE_ACCOUNTS_TABLE, saveServiceAccountRows, serviceAccountRowTable } from './service-account-rows.js';

export const SERVICE_ACCOUNT_PROJECTION = 'service-accounts';

/** Service accounts as admins list them, one row per account. */
export const serviceAccountProjection = rowProjection<ServiceAccountRow>({
  name: SERVICE_ACCOUNT_PROJECTION,
  version: '1',
  tables: ['service_accounts'],
  createTables: SERVICE_ACCOUNTS_TABLE,
  kind: 'service-account',
  keyOf: (event) =>
    event.type.startsWith('service-account.') && eventSerializer.knows(event.type)
      ? parseRecordStreamId('service-account', event.streamId)
      : undefined,
  evolve: (row, event) => evolveServiceAccountRow(row, event, parseRecordStreamId('service-account', event.streamId)!),
  load: async (tx, keys) => new Map((await serviceAccountRowTable.findMany(tx, keys)).map((row) => [rowKeyString(row), row])),
  save: saveServiceAccountRows,
  reset: serviceAccountRowTable.deleteAll,
});
