import { v5 as uuidv5 } from 'uuid';
import type { ResolveIncident } from '#domain';
import type { RecordedEvent } from '#event-store';

/** Namespace of the command ids derived from a cause; never change it, or a replay would act again. */
const COMMAND_ID_NAMESPACE = '9d4b2f61-8c3e-4a7d-b5e9-1f0a2c3d4e5f';

export const PROBLEM_FIX_ACTOR = 'system:problem-fix';

/**
 * The command id of one effect: the same cause event and incident give the same id, so sending
 * it again after a crash finds the first run's result instead of resolving twice.
 */
export function problemFixCommandId(cause: RecordedEvent, incidentId: string): string {
  return uuidv5(`${cause.id}/${incidentId}`, COMMAND_ID_NAMESPACE);
}

/** What the incident records: the problem that fixed it, by number, in words people read. */
export function resolvedByProblem(problemNumber: string, now: Date): ResolveIncident {
  return {
    type: 'ResolveIncident',
    data: { resolutionCode: 'RESOLVED_BY_PROBLEM', resolutionNotes: `Resolved by the fix applied to problem ${problemNumber}` },
    metadata: { now: now.toISOString() },
  };
}
