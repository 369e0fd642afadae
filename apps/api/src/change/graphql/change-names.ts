import type { RecordNames } from '../../records/record-names.js';

export const CHANGE_NAMES = {
  type: 'Change',
  singular: 'change',
  withArticle: 'a change',
  plural: 'changes',
  listOrder: 'request order',
  listOrderMeans: 'oldest first',
  listVisibility: 'requesters see none',
} as const satisfies RecordNames<'change'>;
