import { changeDecider } from '#domain';
import { eventSerializer, type ChangeEvent } from '#events';
import type { RecordedEvent } from '#event-store';
import type { RowKey } from '../row-projection.js';
import { changeViewOf, type FoldedChangeRow } from './change-row.js';

/** The domain folds the change; the row adds the timeline of who did what, which only the envelope knows. */
export function evolveChangeRow(row: FoldedChangeRow | undefined, recorded: RecordedEvent, key: RowKey): FoldedChangeRow | undefined {
  const event = eventSerializer.deserialize<ChangeEvent>(recorded);
  const change = changeDecider.evolve(row?.folded ?? null, event);
  if (!change) return row;
  const at = 'requestedAt' in event.data ? event.data.requestedAt : event.data.at;
  const entry = { event: event.type, at, actor: recorded.metadata.actor, state: change.status };
  return {
    tenant: key.tenant,
    id: key.id,
    version: recorded.revision.toString(),
    updatedAt: recorded.created.toISOString(),
    folded: change,
    detail: { change: changeViewOf(change), timeline: [...(row?.detail.timeline ?? []), entry] },
  };
}
