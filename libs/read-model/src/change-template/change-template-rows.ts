import type { ChangeTemplate } from '#domain';
import { rowTable } from '../row-table.js';
import { rowUpsert } from '../row-upsert.js';
import type { ChangeTemplateRow } from './change-template-row.js';

export const CHANGE_TEMPLATES_TABLE = `
  CREATE TABLE change_templates (
    tenant text NOT NULL,
    id uuid NOT NULL,
    number text NOT NULL,
    name text NOT NULL,
    retired boolean NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    version bigint NOT NULL,
    detail jsonb NOT NULL,
    search tsvector GENERATED ALWAYS AS (to_tsvector('simple', number || ' ' || name)) STORED,
    PRIMARY KEY (tenant, id),
    UNIQUE (tenant, number)
  );
  CREATE INDEX change_templates_list ON change_templates (tenant, created_at, id);
  CREATE INDEX change_templates_search ON change_templates USING gin (search);`;

export interface ChangeTemplateDbRow {
  tenant: string;
  id: string;
  version: string;
  updated_at: Date;
  detail: ChangeTemplateRow['detail'];
}

/** The `change_templates` table; the detail holds the whole template, which is also what the projection folds onto. */
export const changeTemplateRowTable = rowTable<ChangeTemplateDbRow, ChangeTemplateRow>({
  table: 'change_templates',
  columns: 'tenant, id::text AS id, version::text AS version, updated_at, detail',
  fromDb: (row) => ({ tenant: row.tenant, id: row.id, version: row.version, updatedAt: row.updated_at.toISOString(), detail: row.detail }),
});

const SAVED_COLUMNS = {
  tenant: 'text',
  id: 'uuid',
  number: 'text',
  name: 'text',
  retired: 'boolean',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
  version: 'bigint',
  detail: 'jsonb',
} as const;

export const saveChangeTemplateRows = rowUpsert('change_templates', SAVED_COLUMNS, ({ tenant, id, version, updatedAt, detail }: ChangeTemplateRow) => {
  const template: ChangeTemplate = detail.template;
  return {
    tenant,
    id,
    number: template.number,
    name: template.name,
    retired: template.retired !== null,
    created_at: template.createdAt,
    updated_at: updatedAt,
    version,
    detail,
  };
});
