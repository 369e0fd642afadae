import { pendingApprovals, type ApprovalRound as DomainRound } from '#domain';
import type { ScheduleConflict as DomainConflict } from '#events';
import type { ChangeRow } from '#read-model';
import type { ApprovalRound, ChangeModel, ScheduleConflict } from './change.type.js';

export function toScheduleConflict(conflict: DomainConflict): ScheduleConflict {
  return conflict.kind === 'CHANGE'
    ? { ...conflict, serviceIds: [...conflict.serviceIds], windowId: null, name: null }
    : { ...conflict, serviceIds: [], changeId: null, number: null };
}

function toRound(round: DomainRound): ApprovalRound {
  return {
    ...round,
    approvals: [...round.approvals],
    decisions: [...round.decisions],
    pending: round.outcome === 'PENDING' ? pendingApprovals(round) : [],
  };
}

/** A read-model row as the API shows it. */
export function toChangeModel(row: ChangeRow): ChangeModel {
  const { change, timeline } = row.detail;
  const { status, conflicts, approvalRounds, serviceIds, incidentIds, problemIds, ...fields } = change;
  return {
    ...fields,
    id: row.id,
    state: status,
    serviceIds: [...serviceIds],
    conflicts: conflicts.map(toScheduleConflict),
    approvalRounds: approvalRounds.map(toRound),
    incidentIds: [...incidentIds],
    problemIds: [...problemIds],
    timeline: [...timeline],
    updatedAt: row.updatedAt,
    version: row.version,
  };
}
