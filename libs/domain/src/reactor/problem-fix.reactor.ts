import type { ProblemEventCause, ReactorCommand } from './reactor.js';

/** What the problem-fix rule reads besides the cause, as the log had it at the cause. */
export interface ProblemFixState {
  /** The number people know the problem by, named in the incidents' resolution notes. */
  readonly problemNumber: string;
  /** The incidents linked to the problem at the cause, in the order they were linked. */
  readonly linkedIncidentIds: readonly string[];
  /** The tenant's policy; on unless the tenant turned it off. */
  readonly resolveLinkedIncidentsOnFix: boolean;
}

/**
 * SPEC: when a problem is resolved with FIX_APPLIED, its linked incidents are resolved too
 * (RESOLVED_BY_PROBLEM, naming the problem), unless the tenant turned that off. An incident no
 * longer open refuses the resolution and is left alone: the decider says so, not this rule.
 */
export function reactToProblemFix(cause: ProblemEventCause, state: ProblemFixState): ReactorCommand[] {
  const { event, tenant, now } = cause;
  if (event.type !== 'ProblemResolved' || event.data.resolutionCode !== 'FIX_APPLIED') return [];
  if (!state.resolveLinkedIncidentsOnFix) return [];
  return state.linkedIncidentIds.map((incidentId) => ({
    kind: 'incident',
    tenant,
    recordId: incidentId,
    key: incidentId,
    command: {
      type: 'ResolveIncident',
      data: { resolutionCode: 'RESOLVED_BY_PROBLEM', resolutionNotes: `Resolved by the fix applied to problem ${state.problemNumber}` },
      metadata: { now },
    },
  }));
}
