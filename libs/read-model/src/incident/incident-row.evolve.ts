import { incidentDecider } from '#domain';
import { eventSerializer, type IncidentEvent } from '#events';
import type { RecordedEvent } from '#event-store';
import { incidentViewOf, type FoldedIncidentRow } from './incident-row.js';

/**
 * The incident read model's `evolve`: the domain folds the incident itself, and the row adds what
 * only the envelope knows (who did what, in the journal).
 */
export function evolveIncidentRow(
  row: FoldedIncidentRow | undefined,
  recorded: RecordedEvent,
  key: { tenant: string; id: string },
): FoldedIncidentRow | undefined {
  const event = eventSerializer.deserialize<IncidentEvent>(recorded);
  const incident = incidentDecider.evolve(row?.folded ?? null, event);
  if (!incident) return row;
  const noted = event.type === 'IncidentWorkNoteAdded' || event.type === 'IncidentCommentAdded';
  return {
    tenant: key.tenant,
    id: key.id,
    version: recorded.revision.toString(),
    updatedAt: recorded.created.toISOString(),
    folded: incident,
    detail: { incident: incidentViewOf(incident) },
    journal: [
      ...(row?.journal ?? []),
      {
        revision: recorded.revision.toString(),
        event: event.type,
        at: 'openedAt' in event.data ? event.data.openedAt : event.data.at,
        actor: recorded.metadata.actor,
        state: incident.status,
        text: noted ? event.data.text : null,
      },
    ],
  };
}
