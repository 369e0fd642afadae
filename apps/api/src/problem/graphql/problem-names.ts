import type { RecordNames } from '../../records/record-names.js';

export const PROBLEM_NAMES = {
  type: 'Problem',
  singular: 'problem',
  withArticle: 'a problem',
  plural: 'problems',
  listOrder: 'priority order',
  listOrderMeans: 'priority, then oldest first',
  listVisibility: 'open to problem managers, agents and auditors',
} as const satisfies RecordNames<'problem'>;
