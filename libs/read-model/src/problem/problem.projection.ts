import type pg from 'pg';
import { eventSerializer, parseRecordStreamId } from '#events';
import type { RecordedEvent } from '#event-store';
import { problemDecider } from '#domain';
import type { VersionedProjection } from '../projection.js';
import type { UpdatedRecord } from '../read-model-update.js';
import { rowKeyString, rowProjection, type RowKey } from '../row-projection.js';
import { applyIncidentProblemLinks, INCIDENT_PROBLEM_LINK_EVENTS, incidentProblemLinkOf } from './problem-incident-links.js';
import type { ProblemRow } from './problem-row.js';
import { evolveProblemRow } from './problem-row.evolve.js';
import { problemRowTable, saveProblemRows } from './problem-rows.js';
import { PROBLEM_TABLES } from './problem-tables.js';

export const PROBLEM_PROJECTION = 'problems';

/** The link table this projection keeps; the problem rows list their incidents from it. */
export const PROBLEM_INCIDENT_LINKS_TABLE = 'problem_incident_links';

function problemEventKey(event: RecordedEvent): RowKey | undefined {
  return event.type.startsWith('problem.') && eventSerializer.knows(event.type) ? parseRecordStreamId('problem', event.streamId) : undefined;
}

const problemRows = rowProjection<ProblemRow>({
  name: PROBLEM_PROJECTION,
  // 2: follow-ups of unsuccessful changes.
  version: `2/decider-${problemDecider.version}`,
  tables: ['problems', PROBLEM_INCIDENT_LINKS_TABLE],
  createTables: PROBLEM_TABLES,
  kind: 'problem',
  keyOf: problemEventKey,
  evolve: (row, event) => evolveProblemRow(row, event, parseRecordStreamId('problem', event.streamId)!),
  load: async (tx, keys) => new Map((await problemRowTable.findMany(tx, keys)).map((row) => [rowKeyString(row), row])),
  save: saveProblemRows,
  reset: problemRowTable.deleteAll,
});

/** The version every problem whose incidents changed has now: announced so its subscribers see the new list. */
async function versionsOf(tx: pg.PoolClient, problems: readonly { tenant: string; problemId: string }[]): Promise<UpdatedRecord[]> {
  if (problems.length === 0) return [];
  const { rows } = await tx.query<{ tenant: string; id: string; version: string }>(
    `SELECT tenant, id::text AS id, version::text AS version FROM problems
     WHERE (tenant, id::text) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
    [problems.map((problem) => problem.tenant), problems.map((problem) => problem.problemId)],
  );
  return rows.map((row) => ({ kind: 'problem', ...row }));
}

/**
 * Problem detail and list, one row per problem, plus the incidents linked to each, which the
 * incidents' own events record. Both in one projection, so a problem and its incidents are
 * always as of the same position.
 */
export const problemProjection: VersionedProjection = {
  ...problemRows,
  follows: { problem: 'all', incident: INCIDENT_PROBLEM_LINK_EVENTS },
  async applyBatch(events, tx) {
    const changed = await problemRows.applyBatch(events, tx);
    const links = events.map(incidentProblemLinkOf).filter((link) => link !== undefined);
    if (links.length === 0) return changed;
    const relinked = await applyIncidentProblemLinks(tx, PROBLEM_INCIDENT_LINKS_TABLE, links);
    const announced = new Set(changed.map((record) => `${record.tenant}\u0000${record.id}`));
    const unannounced = relinked.filter((problem) => !announced.has(`${problem.tenant}\u0000${problem.problemId}`));
    return [...changed, ...(await versionsOf(tx, unannounced))];
  },
  async reset(tx) {
    await problemRows.reset(tx);
    await tx.query(`TRUNCATE ${PROBLEM_INCIDENT_LINKS_TABLE}`);
  },
};
