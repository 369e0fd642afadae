import { problemReadModel, type ProblemListCursor, type ProblemListFilter, type ProblemRow } from '#read-model';
import type { RecordReads } from '../../records/record-reads.js';
import { ProblemFilter } from './problem-filter.input.js';
import { PROBLEM_NAMES } from './problem-names.js';
import { toProblemModel } from './problem.mapper.js';
import { ProblemModel } from './problem.type.js';

/** The problem's read side: whoever may read problems sees every problem of the tenant. */
export const PROBLEM_READS: RecordReads<ProblemRow, ProblemModel, ProblemFilter, ProblemListFilter, ProblemListCursor> = {
  names: PROBLEM_NAMES,
  model: ProblemModel,
  filter: ProblemFilter,
  readModel: problemReadModel,
  canSee: () => true,
  toModel: toProblemModel,
  toFilter: (input) => ({
    states: input?.state ?? undefined,
    priorities: input?.priority ?? undefined,
    assignmentGroup: input?.assignmentGroup ?? undefined,
    assignee: input?.assignee ?? undefined,
    serviceId: input?.serviceId ?? undefined,
    knownError: input?.knownError ?? undefined,
    followUp: input?.followUp ?? undefined,
    // Blank text would be a search for nothing; it is no criterion.
    text: input?.text?.trim() || undefined,
  }),
};
