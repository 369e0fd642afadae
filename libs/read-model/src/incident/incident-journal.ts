import type { TimelineEntry } from '../timeline-entry.js';
import type { JournalEntry } from './incident-row.js';

/** A note or comment with its author, who is known from the event's metadata. */
export interface AuthoredEntry {
  readonly text: string;
  readonly at: string;
  readonly author: string;
}

function authored(journal: readonly JournalEntry[], event: string): AuthoredEntry[] {
  return journal
    .filter((entry) => entry.event === event)
    .map((entry) => ({ text: entry.text ?? '', at: entry.at, author: entry.actor }));
}

export const workNotesOf = (journal: readonly JournalEntry[]) => authored(journal, 'IncidentWorkNoteAdded');

export const commentsOf = (journal: readonly JournalEntry[]) => authored(journal, 'IncidentCommentAdded');

export function timelineOf(journal: readonly JournalEntry[]): TimelineEntry[] {
  return journal.map(({ event, at, actor, state }) => ({ event, at, actor, state }));
}
