import { changeReadModel, type ChangeListCursor, type ChangeListFilter, type ChangeRow } from '#read-model';
import type { RecordReads } from '../../records/record-reads.js';
import { ChangeFilter } from './change-filter.input.js';
import { CHANGE_NAMES } from './change-names.js';
import { toChangeModel } from './change.mapper.js';
import { ChangeModel } from './change.type.js';

/** The change's read side: what the generic queries, lists, as-of and subscriptions serve. */
export const CHANGE_READS: RecordReads<ChangeRow, ChangeModel, ChangeFilter, ChangeListFilter, ChangeListCursor> = {
  names: CHANGE_NAMES,
  model: ChangeModel,
  filter: ChangeFilter,
  readModel: changeReadModel,
  // The readers' roles keep requesters out; everyone else sees the whole tenant.
  canSee: () => true,
  toModel: toChangeModel,
  toFilter: (input) => ({
    states: input?.state ?? undefined,
    types: input?.type ?? undefined,
    risks: input?.risk ?? undefined,
    serviceId: input?.serviceId ?? undefined,
    requestedBy: input?.requestedBy ?? undefined,
    text: input?.text?.trim() || undefined,
  }),
};
