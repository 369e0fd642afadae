import type pg from 'pg';
import { problemDecider, reactToProblemFix, type ProblemEventCause, type ProblemFixState } from '#domain';
import type { RecordStates, TenantSettingsService } from '#commands';
import type { RecordedEvent } from '#event-store';
import { INCIDENT_PROBLEM_LINK_EVENTS, incidentProblemLinkOf, type IncidentProblemLink } from '#read-model';
import type { LogReactorDefinition } from './reactor-definition.js';

/** Also its checkpoint's name. */
export const PROBLEM_FIX_PROCESS = 'problem-fix-resolves-incidents';

export const PROBLEM_FIX_ACTOR = 'system:problem-fix';

/** Its own copy of the incident -> problem links, as of its own checkpoint (migration 0007). */
const LINKS_TABLE = 'problem_fix_links';

export interface ProblemFixDependencies {
  readonly records: RecordStates;
  readonly settings: TenantSettingsService;
}

/**
 * A problem resolved with FIX_APPLIED resolves its linked incidents (reactToProblemFix). It keeps
 * the links as the log had them at each cause, so an incident linked after the fix, or unlinked
 * before it, is left alone however late the reactor runs.
 */
export function problemFixReactor({ records, settings }: ProblemFixDependencies): LogReactorDefinition<ProblemEventCause, ProblemFixState> {
  return {
    name: PROBLEM_FIX_PROCESS,
    actor: PROBLEM_FIX_ACTOR,
    // The namespace of the ids the process manager before this runtime sent: effects it sent keep their ids.
    commandIdNamespace: '9d4b2f61-8c3e-4a7d-b5e9-1f0a2c3d4e5f',
    reactsTo: { problem: ['ProblemResolved'] },
    keeps: {
      follows: { incident: INCIDENT_PROBLEM_LINK_EVENTS },
      apply: (events, tx) => applyLinks(tx, events),
      reset: async (tx) => {
        await tx.query(`TRUNCATE ${LINKS_TABLE}`);
      },
    },
    async load({ tenant, recordId }, tx) {
      const { rows } = await tx.query<{ incident_id: string }>(
        `SELECT incident_id::text FROM ${LINKS_TABLE} WHERE tenant = $1 AND problem_id = $2 ORDER BY linked_at, incident_id`,
        [tenant, recordId],
      );
      const problem = await records.read('problem', problemDecider, tenant, recordId);
      return {
        // Numbers never change; a problem without one (never logged) is named by its id.
        problemNumber: problem?.number ?? recordId,
        linkedIncidentIds: rows.map((row) => row.incident_id),
        resolveLinkedIncidentsOnFix: await settings.resolveLinkedIncidentsOnFix(tenant),
      };
    },
    react: reactToProblemFix,
  };
}

/**
 * An incident names at most one problem, so only its last link change in a run counts: one
 * statement drops the links that ended, one writes those that now hold.
 */
async function applyLinks(tx: pg.PoolClient, events: readonly RecordedEvent[]): Promise<void> {
  const latest = new Map<string, IncidentProblemLink>();
  for (const event of events) {
    const link = incidentProblemLinkOf(event);
    if (link) latest.set(`${link.tenant}\u0000${link.incidentId}`, link);
  }
  const [ended, held] = [[...latest.values()].filter((link) => link.problemId === null), [...latest.values()].filter((link) => link.problemId !== null)];
  if (ended.length > 0) {
    await tx.query(
      `DELETE FROM ${LINKS_TABLE} l USING unnest($1::text[], $2::uuid[]) AS ended (tenant, incident_id)
       WHERE l.tenant = ended.tenant AND l.incident_id = ended.incident_id`,
      [ended.map((link) => link.tenant), ended.map((link) => link.incidentId)],
    );
  }
  if (held.length > 0) {
    await tx.query(
      `INSERT INTO ${LINKS_TABLE} (tenant, incident_id, problem_id, linked_at)
       SELECT * FROM unnest($1::text[], $2::uuid[], $3::text[], $4::timestamptz[])
       ON CONFLICT (tenant, incident_id) DO UPDATE SET problem_id = EXCLUDED.problem_id, linked_at = EXCLUDED.linked_at`,
      [held.map((link) => link.tenant), held.map((link) => link.incidentId), held.map((link) => link.problemId), held.map((link) => link.at)],
    );
  }
}
