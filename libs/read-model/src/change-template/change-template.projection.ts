import { changeTemplateDecider } from '#domain';
import { eventSerializer, parseRecordStreamId, type ChangeTemplateEvent } from '#events';
import type { RecordedEvent } from '#event-store';
import type { RecordReadModel } from '../record-read-model.js';
import { recordEventKey } from '../record-event-key.js';
import { rowKeyString, rowProjection, type RowKey } from '../row-projection.js';
import {
  changeTemplateListCursor,
  findMatchingChangeTemplateRows,
  listChangeTemplates,
  type ChangeTemplateListCursor,
  type ChangeTemplateListFilter,
} from './change-template-list.js';
import type { ChangeTemplateRow } from './change-template-row.js';
import { CHANGE_TEMPLATES_TABLE, changeTemplateRowTable, saveChangeTemplateRows } from './change-template-rows.js';

export const CHANGE_TEMPLATE_PROJECTION = 'change-templates';

/** The template's whole state is what the row shows, so the row folds onto its own detail. */
export function evolveChangeTemplateRow(row: ChangeTemplateRow | undefined, recorded: RecordedEvent, key: RowKey): ChangeTemplateRow | undefined {
  const template = changeTemplateDecider.evolve(row?.detail.template ?? null, eventSerializer.deserialize<ChangeTemplateEvent>(recorded));
  if (!template) return row;
  return { ...key, version: recorded.revision.toString(), updatedAt: recorded.created.toISOString(), detail: { template } };
}

export const changeTemplateProjection = rowProjection<ChangeTemplateRow>({
  name: CHANGE_TEMPLATE_PROJECTION,
  version: `1/decider-${changeTemplateDecider.version}`,
  tables: ['change_templates'],
  createTables: CHANGE_TEMPLATES_TABLE,
  kind: 'template',
  keyOf: recordEventKey('template', 'change-template.'),
  evolve: (row, event) => evolveChangeTemplateRow(row, event, parseRecordStreamId('template', event.streamId)!),
  load: async (tx, keys) => new Map((await changeTemplateRowTable.findMany(tx, keys)).map((row) => [rowKeyString(row), row])),
  save: saveChangeTemplateRows,
  reset: changeTemplateRowTable.deleteAll,
});

export const changeTemplateReadModel: RecordReadModel<ChangeTemplateRow, ChangeTemplateListFilter, ChangeTemplateListCursor> = {
  kind: 'template',
  projection: CHANGE_TEMPLATE_PROJECTION,
  find: changeTemplateRowTable.find,
  list: listChangeTemplates,
  cursor: changeTemplateListCursor,
  findMatching: findMatchingChangeTemplateRows,
  evolve: evolveChangeTemplateRow,
};
