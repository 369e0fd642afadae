import { changeDecider } from '#domain';
import { parseRecordStreamId } from '#events';
import { recordEventKey } from '../record-event-key.js';
import { rowKeyString, rowProjection } from '../row-projection.js';
import type { FoldedChangeRow } from './change-row.js';
import { evolveChangeRow } from './change-row.evolve.js';
import { foldedChangeRowTable, saveChangeRows } from './change-rows.js';
import { CHANGES_TABLE } from './change-tables.js';

export const CHANGE_PROJECTION = 'changes';

/** Change detail, list and schedule, one row per change. */
export const changeProjection = rowProjection<FoldedChangeRow>({
  name: CHANGE_PROJECTION,
  version: `1/decider-${changeDecider.version}`,
  tables: ['changes'],
  createTables: CHANGES_TABLE,
  kind: 'change',
  keyOf: recordEventKey('change', 'change.'),
  evolve: (row, event) => evolveChangeRow(row, event, parseRecordStreamId('change', event.streamId)!),
  load: async (tx, keys) => new Map((await foldedChangeRowTable.findMany(tx, keys)).map((row) => [rowKeyString(row), row])),
  save: saveChangeRows,
  reset: foldedChangeRowTable.deleteAll,
});
