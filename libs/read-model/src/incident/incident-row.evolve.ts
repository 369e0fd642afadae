import { incidentDecider } from '#domain';
import { eventSerializer, type IncidentEvent } from '#events';
import type { RecordedEvent } from '#event-store';
import { incidentViewOf, type AuthoredEntry, type FoldedIncidentRow } from './incident-row.js';

/**
 * The incident read model's `evolve`: the domain folds the incident itself, and the row adds what
 * only the envelope knows (authors, the timeline of who did what).
 */
export function evolveIncidentRow(
  row: FoldedIncidentRow | undefined,
  recorded: RecordedEvent,
  key: { tenant: string; id: string },
): FoldedIncidentRow | undefined {
  const event = eventSerializer.deserialize<IncidentEvent>(recorded);
  const incident = incidentDecider.evolve(row?.folded ?? null, event);
  if (!incident) return row;
  const previous = row?.detail;
  const actor = recorded.metadata.actor;
  const at = 'openedAt' in event.data ? event.data.openedAt : event.data.at;
  const authored = (text: string): AuthoredEntry => ({ text, at, author: actor });
  return {
    tenant: key.tenant,
    id: key.id,
    version: recorded.revision.toString(),
    updatedAt: recorded.created.toISOString(),
    folded: incident,
    detail: {
      incident: incidentViewOf(incident),
      workNotes:
        event.type === 'IncidentWorkNoteAdded'
          ? [...(previous?.workNotes ?? []), authored(event.data.text)]
          : (previous?.workNotes ?? []),
      comments:
        event.type === 'IncidentCommentAdded'
          ? [...(previous?.comments ?? []), authored(event.data.text)]
          : (previous?.comments ?? []),
      timeline: [...(previous?.timeline ?? []), { event: event.type, at, actor, state: incident.status }],
    },
  };
}
