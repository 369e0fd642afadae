import type { RecordNames } from '../../records/record-names.js';

export const INCIDENT_NAMES = {
  type: 'Incident',
  singular: 'incident',
  withArticle: 'an incident',
  plural: 'incidents',
  listOrder: 'queue order',
  listOrderMeans: 'priority, then oldest first',
  listVisibility: 'requesters see their own',
} as const satisfies RecordNames<'incident'>;
