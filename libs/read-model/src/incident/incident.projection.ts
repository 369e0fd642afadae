import { parseRecordStreamId } from '#events';
import type { IncidentRow } from './incident-row.js';
import { incidentRowTable, saveIncidentRows } from './incident-rows.js';
import { rowKeyString, rowProjection } from '../row-projection.js';
import { incidentEventKey } from './incident-event-key.js';
import { evolveIncidentRow } from './incident-row.evolve.js';

export const INCIDENT_PROJECTION = 'incidents';

/** Incident detail and list, one row per incident. */
export const incidentProjection = rowProjection<IncidentRow>({
  name: INCIDENT_PROJECTION,
  kind: 'incident',
  keyOf: incidentEventKey,
  evolve: (row, event) => {
    const key = parseRecordStreamId('incident', event.streamId)!;
    return evolveIncidentRow(row, event, key);
  },
  load: async (tx, keys) => new Map((await incidentRowTable.findMany(tx, keys)).map((row) => [rowKeyString(row), row])),
  save: saveIncidentRows,
  reset: incidentRowTable.deleteAll,
});
