import { problemDecider, type Problem } from '#domain';
import { eventSerializer, type ProblemEvent } from '#events';
import type { RecordedEvent } from '#event-store';
import type { RowKey } from '../row-projection.js';
import type { ProblemRow } from './problem-row.js';

/** The domain state a row holds, to fold the next event with the domain's own `evolve`. */
function problemOf(row: ProblemRow): Problem {
  const { tenant, id, version: _version, updatedAt: _recorded, linkedIncidentIds: _links, state, ...fields } = row;
  return { ...fields, tenant, problemId: id, status: state, updatedAt: row.updatedAt };
}

/**
 * The problem read model's `evolve`: the domain folds the problem, the row copies each field
 * into its column. Links are the incidents' events and are kept beside it (problem.projection.ts).
 */
export function evolveProblemRow(row: ProblemRow | undefined, recorded: RecordedEvent, key: RowKey): ProblemRow | undefined {
  const event = eventSerializer.deserialize<ProblemEvent>(recorded);
  const problem = problemDecider.evolve(row ? problemOf(row) : null, event);
  if (!problem) return row;
  const { problemId: _id, tenant: _tenant, status, updatedAt: _at, ...fields } = problem;
  return {
    ...fields,
    tenant: key.tenant,
    id: key.id,
    version: recorded.revision.toString(),
    updatedAt: recorded.created.toISOString(),
    state: status,
    linkedIncidentIds: row?.linkedIncidentIds ?? [],
  };
}
