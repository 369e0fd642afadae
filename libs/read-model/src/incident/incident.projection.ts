import { incidentDecider } from '#domain';
import { parseRecordStreamId } from '#events';
import type { FoldedIncidentRow } from './incident-row.js';
import { foldedIncidentRowTable, saveIncidentRows } from './incident-rows.js';
import { rowKeyString, rowProjection } from '../row-projection.js';
import { incidentEventKey } from './incident-event-key.js';
import { evolveIncidentRow } from './incident-row.evolve.js';
import { INCIDENTS_TABLE } from './incident-tables.js';

export const INCIDENT_PROJECTION = 'incidents';

/** Incident detail and list, one row per incident. */
export const incidentProjection = rowProjection<FoldedIncidentRow>({
  name: INCIDENT_PROJECTION,
  // 2: explicit view fields and list columns, the folded state in a column of its own, the
  // journal in a table of its own. 3: the follow-up flag as a list column.
  version: `3/decider-${incidentDecider.version}`,
  tables: ['incidents', 'incident_journal'],
  createTables: INCIDENTS_TABLE,
  kind: 'incident',
  keyOf: incidentEventKey,
  evolve: (row, event) => {
    const key = parseRecordStreamId('incident', event.streamId)!;
    return evolveIncidentRow(row, event, key);
  },
  load: async (tx, keys) => new Map((await foldedIncidentRowTable.findMany(tx, keys)).map((row) => [rowKeyString(row), row])),
  save: saveIncidentRows,
  reset: async (tx) => void (await tx.query('TRUNCATE incidents, incident_journal')),
});
