import type pg from 'pg';
import { rowTable } from '../row-table.js';
import type { ServiceAccountRow, ServiceAccountView } from './service-account-row.js';

type Queryable = Pick<pg.PoolClient, 'query'>;

export const SERVICE_ACCOUNTS_TABLE = `
  CREATE TABLE service_accounts (
    tenant text NOT NULL,
    id uuid NOT NULL,
    number text NOT NULL,
    version bigint NOT NULL,
    updated_at timestamptz NOT NULL,
    account jsonb NOT NULL,
    PRIMARY KEY (tenant, id),
    UNIQUE (tenant, number)
  );`;

interface ServiceAccountDbRow {
  tenant: string;
  id: string;
  version: string;
  updated_at: Date;
  account: ServiceAccountView;
}

/** The `service_accounts` table, one row per account. */
export const serviceAccountRowTable = rowTable<ServiceAccountDbRow, ServiceAccountRow>({
  table: 'service_accounts',
  columns: 'tenant, id::text AS id, version::text AS version, updated_at, account',
  fromDb: (row) => ({ tenant: row.tenant, id: row.id, version: row.version, updatedAt: row.updated_at.toISOString(), account: row.account }),
});

const UPSERT = `
  INSERT INTO service_accounts (tenant, id, number, version, updated_at, account)
  SELECT tenant, id, number, version, updated_at, account
  FROM jsonb_to_recordset($1::jsonb) AS r(tenant text, id uuid, number text, version bigint, updated_at timestamptz, account jsonb)
  ON CONFLICT (tenant, id) DO UPDATE SET
    version = EXCLUDED.version, updated_at = EXCLUDED.updated_at, account = EXCLUDED.account`;

/** One statement for the whole batch. */
export async function saveServiceAccountRows(db: Queryable, rows: readonly ServiceAccountRow[]): Promise<void> {
  if (rows.length === 0) return;
  const saved = rows.map(({ tenant, id, version, updatedAt, account }) => ({
    tenant,
    id,
    number: account.number,
    version,
    updated_at: updatedAt,
    account,
  }));
  await db.query(UPSERT, [JSON.stringify(saved)]);
}

/** A tenant's accounts in the order they were created; tenants have tens of them, not thousands. */
export async function listServiceAccounts(db: Queryable, tenant: string): Promise<ServiceAccountRow[]> {
  const { rows } = await db.query<ServiceAccountDbRow>(
    `SELECT ${serviceAccountRowTable.columns} FROM service_accounts WHERE tenant = $1 ORDER BY number`,
    [tenant],
  );
  return rows.map(serviceAccountRowTable.fromDb);
}
