import type { RecordReadModel } from '../record-read-model.js';
import { changeListCursor, type ChangeListCursor } from './change-list-cursor.js';
import { findMatchingChangeRows, listChanges, type ChangeListFilter } from './change-list.js';
import type { ChangeRow, FoldedChangeRow } from './change-row.js';
import { evolveChangeRow } from './change-row.evolve.js';
import { changeRowTable } from './change-rows.js';
import { CHANGE_PROJECTION } from './change.projection.js';

export const changeReadModel: RecordReadModel<ChangeRow, ChangeListFilter, ChangeListCursor, FoldedChangeRow> = {
  kind: 'change',
  projection: CHANGE_PROJECTION,
  find: changeRowTable.find,
  list: listChanges,
  cursor: changeListCursor,
  findMatching: findMatchingChangeRows,
  evolve: evolveChangeRow,
};
