import { recordEventKey } from '../record-event-key.js';

/** The incident an event belongs to, for projections of one row per incident; none for others. */
export const incidentEventKey = recordEventKey('incident', 'incident.');
