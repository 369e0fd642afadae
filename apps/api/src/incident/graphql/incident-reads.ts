import { incidentReadModel, type IncidentListCursor, type IncidentListFilter, type IncidentRow } from '#read-model';
import type { RecordReads } from '../../records/record-reads.js';
import { IncidentFilter } from './incident-filter.input.js';
import { INCIDENT_NAMES } from './incident-names.js';
import { canSeeIncident } from './incident-visibility.js';
import { toIncidentModel } from './incident.mapper.js';
import { IncidentModel } from './incident.type.js';

/** The incident's read side: what the generic queries, lists, as-of and subscriptions serve. */
export const INCIDENT_READS: RecordReads<IncidentRow, IncidentModel, IncidentFilter, IncidentListFilter, IncidentListCursor> = {
  names: INCIDENT_NAMES,
  model: IncidentModel,
  filter: IncidentFilter,
  readModel: incidentReadModel,
  canSee: (principal, row) => canSeeIncident(principal, row.detail.incident.callerId),
  toModel: toIncidentModel,
  toFilter: (input, principal) => {
    const seesWholeTenant = principal.roles.some((role) => role !== 'requester');
    return {
      states: input?.state ?? undefined,
      priorities: input?.priority ?? undefined,
      assignmentGroup: input?.assignmentGroup ?? undefined,
      assignee: input?.assignee ?? undefined,
      serviceId: input?.serviceId ?? undefined,
      followUp: input?.followUp ?? undefined,
      // Blank text would be a search for nothing; it is no criterion.
      text: input?.text?.trim() || undefined,
      // As canSeeIncident decides.
      callerId: seesWholeTenant ? undefined : principal.subject,
    };
  },
};
