import { cursorFields, keysetCursor } from '../keyset-cursor.js';

/** Where a page of the change list ends: the sort key of its last row. */
export const changeListCursor = keysetCursor({ requestedAt: cursorFields.instant, id: cursorFields.uuid });

export type ChangeListCursor = ReturnType<typeof changeListCursor.decode>;
