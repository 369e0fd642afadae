import { cursorFields, keysetCursor } from '../keyset-cursor.js';

/** Where a page of the problem list ends: the sort key of its last row (priority 1 .. 5 for P1 .. P5). */
export const problemListCursor = keysetCursor({
  priority: cursorFields.integer(1, 5),
  loggedAt: cursorFields.instant,
  id: cursorFields.uuid,
});

export type ProblemListCursor = ReturnType<typeof problemListCursor.decode>;
