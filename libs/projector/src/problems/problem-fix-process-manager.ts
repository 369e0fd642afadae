import type pg from 'pg';
import { Logger } from '@nestjs/common';
import { Clock, incidentRecord, SystemCommandSender, TenantSettingsService } from '#commands';
import { eventSerializer, parseRecordStreamId, recordStreamId, type ProblemEvent } from '#events';
import type { EventStore, RecordedEvent } from '#event-store';
import { applyIncidentProblemLinks, INCIDENT_PROBLEM_LINK_EVENTS, incidentProblemLinkOf, type IncidentProblemLink, type Projection } from '#read-model';
import { PROBLEM_FIX_ACTOR, problemFixCommandId, resolvedByProblem } from './problem-fix-effects.js';

/** Also its checkpoint's name. */
export const PROBLEM_FIX_PROCESS = 'problem-fix-resolves-incidents';

/** Its own copy of the incident -> problem links, as of its own checkpoint. */
const LINKS_TABLE = 'problem_fix_links';

export interface ProblemFixDependencies {
  readonly store: EventStore;
  readonly sender: SystemCommandSender;
  readonly settings: TenantSettingsService;
  readonly clock: Clock;
}

/**
 * SPEC: when a problem is resolved with FIX_APPLIED, its linked incidents that are still open are
 * resolved too, unless the tenant turned that off. Run by the projection runner like a read
 * model: it follows the log from its own checkpoint and keeps the links as the log had them at
 * the cause. Effects are sent inside the batch's transaction, before the checkpoint moves: a
 * crash before the commit replays the cause, and the command ids derived from it make the
 * second sending find the first one's result. An incident no longer open (resolved, closed or
 * canceled meanwhile) refuses the resolution, and is left alone.
 */
export function problemFixProcessManager(dependencies: ProblemFixDependencies): Projection {
  const logger = new Logger('Problem fix');
  return {
    name: PROBLEM_FIX_PROCESS,
    follows: { incident: INCIDENT_PROBLEM_LINK_EVENTS, problem: ['ProblemResolved'] },
    async applyBatch(events, tx) {
      let links: IncidentProblemLink[] = [];
      for (const event of events) {
        const link = incidentProblemLinkOf(event);
        if (link) links.push(link);
        else if (isFixApplied(event)) {
          // The links up to the cause, in log order, are the ones it applies to.
          await applyIncidentProblemLinks(tx, LINKS_TABLE, links);
          links = [];
          await resolveLinkedIncidents(event, tx, dependencies, logger);
        }
      }
      await applyIncidentProblemLinks(tx, LINKS_TABLE, links);
      return [];
    },
    async reset(tx) {
      await tx.query(`TRUNCATE ${LINKS_TABLE}`);
    },
  };
}

function isFixApplied(event: RecordedEvent): boolean {
  if (event.type !== 'problem.resolved.v1') return false;
  const resolved = eventSerializer.deserialize<ProblemEvent>(event);
  return resolved.type === 'ProblemResolved' && resolved.data.resolutionCode === 'FIX_APPLIED';
}

async function resolveLinkedIncidents(
  cause: RecordedEvent,
  tx: pg.PoolClient,
  { store, sender, settings, clock }: ProblemFixDependencies,
  logger: Logger,
): Promise<void> {
  const problem = parseRecordStreamId('problem', cause.streamId);
  if (!problem || !(await settings.resolveLinkedIncidentsOnFix(problem.tenant))) return;
  const { rows } = await tx.query<{ incident_id: string }>(
    `SELECT incident_id::text FROM ${LINKS_TABLE} WHERE tenant = $1 AND problem_id = $2 ORDER BY linked_at, incident_id`,
    [problem.tenant, problem.id],
  );
  if (rows.length === 0) return;
  const number = await problemNumber(store, problem.tenant, problem.id);
  for (const { incident_id: incidentId } of rows) {
    const now = clock.now();
    const outcome = await sender.send(incidentRecord, {
      tenant: problem.tenant,
      recordId: incidentId,
      command: resolvedByProblem(number, now),
      commandId: problemFixCommandId(cause, incidentId),
      actor: PROBLEM_FIX_ACTOR,
      now,
      cause: { causationId: cause.id, correlationId: cause.metadata.correlationId },
    });
    if (outcome.done === 'otherwise') logger.debug(`Left incident ${incidentId} alone: ${outcome.refusal}`);
  }
}

/** The number people know the problem by, from its first event (numbers never change). */
async function problemNumber(store: EventStore, tenant: string, problemId: string): Promise<string> {
  for await (const recorded of store.readStream(recordStreamId('problem', tenant, problemId), { maxCount: 1 })) {
    const logged = eventSerializer.deserialize<ProblemEvent>(recorded);
    if (logged.type === 'ProblemLogged') return logged.data.number;
  }
  return problemId;
}
