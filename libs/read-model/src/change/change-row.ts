import type { Change } from '#domain';
import type { RecordRow } from '../record-read-model.js';
import type { TimelineEntry } from '../timeline-entry.js';

/**
 * The fields of the decider's state the read model shows, chosen one by one: a field added to
 * the state stays out of rows until it is listed here, with a bump of the projection's version.
 */
const CHANGE_VIEW_FIELDS = [
  'number',
  'type',
  'status',
  'title',
  'description',
  'justification',
  'serviceIds',
  'risk',
  'impact',
  'implementationPlan',
  'backoutPlan',
  'testPlan',
  'requestedBy',
  'requestedAt',
  'template',
  'plannedStart',
  'plannedEnd',
  'conflicts',
  'actualStart',
  'actualEnd',
  'closeCode',
  'closeNotes',
  'reviewNotes',
  'closedAt',
  'rejection',
  'cancellation',
  'approvalRounds',
  'incidentIds',
  'problemIds',
] as const satisfies readonly (keyof Change)[];

export type ChangeView = Pick<Change, (typeof CHANGE_VIEW_FIELDS)[number]>;

export function changeViewOf(change: Change): ChangeView {
  return Object.fromEntries(CHANGE_VIEW_FIELDS.map((field) => [field, change[field]])) as unknown as ChangeView;
}

export interface ChangeDetail {
  readonly change: ChangeView;
  readonly timeline: readonly TimelineEntry[];
}

/** A row of the `changes` table as the API reads it. */
export interface ChangeRow extends RecordRow {
  readonly updatedAt: string;
  readonly detail: ChangeDetail;
}

/** The row with the decider's state the projection folds the next event onto; the API never reads it. */
export interface FoldedChangeRow extends ChangeRow {
  readonly folded: Change;
}
