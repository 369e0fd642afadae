import type { RecordReadModel } from '../record-read-model.js';
import { problemListCursor, type ProblemListCursor } from './problem-list-cursor.js';
import { findMatchingProblemRows, listProblems, type ProblemListFilter } from './problem-list.js';
import type { ProblemRow } from './problem-row.js';
import { evolveProblemRow } from './problem-row.evolve.js';
import { problemRowTable } from './problem-rows.js';
import { PROBLEM_PROJECTION } from './problem.projection.js';

export const problemReadModel: RecordReadModel<ProblemRow, ProblemListFilter, ProblemListCursor> = {
  kind: 'problem',
  projection: PROBLEM_PROJECTION,
  find: problemRowTable.find,
  list: listProblems,
  cursor: problemListCursor,
  findMatching: findMatchingProblemRows,
  evolve: evolveProblemRow,
};
