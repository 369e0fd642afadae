import type { ProblemRow } from '#read-model';
import type { ProblemModel } from './problem.type.js';

/** A read-model row as the API shows it: every reader sees the whole problem. */
export function toProblemModel(row: ProblemRow): ProblemModel {
  return {
    id: row.id,
    number: row.number,
    statement: row.statement,
    description: row.description,
    state: row.state,
    serviceId: row.serviceId,
    impact: row.impact,
    urgency: row.urgency,
    priority: row.priority,
    assignmentGroup: row.assignmentGroup,
    assignee: row.assignee,
    rootCause: row.rootCause,
    workaround: row.workaround,
    knownError: row.knownError,
    fixingChangeId: row.fixingChangeId,
    followUps: [...row.followUps],
    resolution: row.resolution,
    linkedIncidentIds: [...row.linkedIncidentIds],
    loggedAt: row.loggedAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}
