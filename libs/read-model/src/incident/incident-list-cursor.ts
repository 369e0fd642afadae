import { cursorFields, keysetCursor } from '../keyset-cursor.js';

/** Where a page of the incident list ends: the sort key of its last row (priority 1 .. 5 for P1 .. P5). */
export const incidentListCursor = keysetCursor({
  priority: cursorFields.integer(1, 5),
  openedAt: cursorFields.instant,
  id: cursorFields.uuid,
});

export type IncidentListCursor = ReturnType<typeof incidentListCursor.decode>;
