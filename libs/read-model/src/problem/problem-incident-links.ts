import type pg from 'pg';
import { eventSerializer, parseRecordStreamId, type IncidentEvent } from '#events';
import type { RecordedEvent } from '#event-store';

type Queryable = Pick<pg.PoolClient, 'query'>;

/** An incident's link to its problem as one event changed it: linked to `problemId`, or to none. */
export interface IncidentProblemLink {
  readonly tenant: string;
  readonly incidentId: string;
  readonly problemId: string | null;
  readonly at: string;
}

/** The incident events that set or clear its problem. */
export const INCIDENT_PROBLEM_LINK_EVENTS = ['IncidentLinkedToProblem', 'IncidentUnlinkedFromProblem'] as const satisfies readonly IncidentEvent['type'][];

/** The link an incident event sets, or undefined for events that leave it alone. */
export function incidentProblemLinkOf(recorded: RecordedEvent): IncidentProblemLink | undefined {
  const key = parseRecordStreamId('incident', recorded.streamId);
  if (!key || !eventSerializer.knows(recorded.type)) return undefined;
  const event = eventSerializer.deserialize<IncidentEvent>(recorded);
  if (event.type === 'IncidentLinkedToProblem')
    return { tenant: key.tenant, incidentId: key.id, problemId: event.data.problemId, at: event.data.at };
  return event.type === 'IncidentUnlinkedFromProblem' ? { tenant: key.tenant, incidentId: key.id, problemId: null, at: event.data.at } : undefined;
}

/**
 * Keeps a table of incident -> problem links (one per incident, as an incident names at most
 * one problem), in the order of the log. Returns the problems whose set of incidents changed:
 * the one linked, and the one an incident left.
 */
export async function applyIncidentProblemLinks(
  tx: Queryable,
  table: string,
  links: readonly IncidentProblemLink[],
): Promise<{ tenant: string; problemId: string }[]> {
  const touched = new Map<string, { tenant: string; problemId: string }>();
  const touch = (tenant: string, problemId: string | null | undefined) => {
    if (problemId) touched.set(`${tenant}\u0000${problemId}`, { tenant, problemId });
  };
  for (const link of links) {
    const { rows } = await tx.query<{ problem_id: string }>(
      `DELETE FROM ${table} WHERE tenant = $1 AND incident_id = $2::uuid RETURNING problem_id`,
      [link.tenant, link.incidentId],
    );
    touch(link.tenant, rows[0]?.problem_id);
    if (link.problemId === null) continue;
    await tx.query(`INSERT INTO ${table} (tenant, incident_id, problem_id, linked_at) VALUES ($1, $2::uuid, $3, $4)`, [
      link.tenant,
      link.incidentId,
      link.problemId,
      link.at,
    ]);
    touch(link.tenant, link.problemId);
  }
  return [...touched.values()];
}
