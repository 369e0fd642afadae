import type { RecordReadModel } from '../record-read-model.js';
import { incidentListCursor, type IncidentListCursor } from './incident-list-cursor.js';
import { findMatchingIncidentRows, listIncidents, type IncidentListFilter } from './incident-list.js';
import type { FoldedIncidentRow, IncidentRow } from './incident-row.js';
import { evolveIncidentRow } from './incident-row.evolve.js';
import { incidentRowTable } from './incident-rows.js';
import { INCIDENT_PROJECTION } from './incident.projection.js';

export const incidentReadModel: RecordReadModel<IncidentRow, IncidentListFilter, IncidentListCursor, FoldedIncidentRow> = {
  kind: 'incident',
  projection: INCIDENT_PROJECTION,
  find: incidentRowTable.find,
  list: listIncidents,
  cursor: incidentListCursor,
  findMatching: findMatchingIncidentRows,
  evolve: evolveIncidentRow,
};
