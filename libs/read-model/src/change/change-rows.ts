import type { Change } from '#domain';
import { rowTable } from '../row-table.js';
import { rowUpsert } from '../row-upsert.js';
import type { ChangeRow, FoldedChangeRow } from './change-row.js';

const CHANGE_ROW_COLUMNS = 'tenant, id::text AS id, version::text AS version, updated_at, detail';

export interface ChangeDbRow {
  tenant: string;
  id: string;
  version: string;
  updated_at: Date;
  detail: ChangeRow['detail'];
}

const fromDb = (row: ChangeDbRow): ChangeRow => ({
  tenant: row.tenant,
  id: row.id,
  version: row.version,
  updatedAt: row.updated_at.toISOString(),
  detail: row.detail,
});

/** The `changes` table, one row per change, as the API reads it. */
export const changeRowTable = rowTable<ChangeDbRow, ChangeRow>({ table: 'changes', columns: CHANGE_ROW_COLUMNS, fromDb });

/** The same rows with the folded state, which only the projection reads. */
export const foldedChangeRowTable = rowTable<ChangeDbRow & { folded: Change }, FoldedChangeRow>({
  table: 'changes',
  columns: `${CHANGE_ROW_COLUMNS}, folded`,
  fromDb: (row) => ({ ...fromDb(row), folded: row.folded }),
});

/** Every column a save writes, with its type. */
const SAVED_COLUMNS = {
  tenant: 'text',
  id: 'uuid',
  number: 'text',
  type: 'text',
  state: 'text',
  title: 'text',
  description: 'text',
  risk: 'text',
  impact: 'smallint',
  requested_by: 'text',
  service_ids: 'text[]',
  planned_start: 'timestamptz',
  planned_end: 'timestamptz',
  requested_at: 'timestamptz',
  updated_at: 'timestamptz',
  version: 'bigint',
  detail: 'jsonb',
  folded: 'jsonb',
} as const;

/** One statement for the whole batch. */
export const saveChangeRows = rowUpsert('changes', SAVED_COLUMNS, ({ tenant, id, version, updatedAt, detail, folded }: FoldedChangeRow) => {
  const change = detail.change;
  return {
    tenant,
    id,
    number: change.number,
    type: change.type,
    state: change.status,
    title: change.title,
    description: change.description,
    risk: change.risk,
    impact: change.impact,
    requested_by: change.requestedBy,
    service_ids: change.serviceIds,
    planned_start: change.plannedStart,
    planned_end: change.plannedEnd,
    requested_at: change.requestedAt,
    updated_at: updatedAt,
    version,
    detail,
    folded,
  };
});
