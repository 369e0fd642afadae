import {
  decodeIncidentCursor,
  encodeIncidentCursor,
  InvalidCursorError,
  type IncidentListCursor,
  type IncidentListFilter,
  type IncidentListPage,
} from '#read-model';
import type { Principal } from '../../auth/principal.js';
import { ApiError } from '../../errors/api-error.js';
import type { IncidentConnection } from './incident-connection.type.js';
import type { IncidentFilter } from './incident-filter.input.js';
import { toIncidentModel } from './incident.mapper.js';

/** The filter as asked, narrowed to what the principal may see (as canSeeIncident decides). */
export function toIncidentListFilter(input: IncidentFilter | null | undefined, principal: Principal): IncidentListFilter {
  const seesWholeTenant = principal.roles.some((role) => role !== 'requester');
  return {
    states: input?.state ?? undefined,
    priorities: input?.priority ?? undefined,
    assignmentGroup: input?.assignmentGroup ?? undefined,
    assignee: input?.assignee ?? undefined,
    serviceId: input?.serviceId ?? undefined,
    // Blank text would be a search for nothing; it is no criterion.
    text: input?.text?.trim() || undefined,
    callerId: seesWholeTenant ? undefined : principal.subject,
  };
}

export function toIncidentListCursor(after: string): IncidentListCursor {
  try {
    return decodeIncidentCursor(after);
  } catch (error) {
    if (error instanceof InvalidCursorError) throw new ApiError('BAD_USER_INPUT', error.message, { field: 'after' });
    throw error;
  }
}

export function toIncidentConnection(page: IncidentListPage, principal: Principal, afterCursor: boolean): IncidentConnection {
  const edges = page.items.map((item) => ({
    cursor: encodeIncidentCursor(item.cursor),
    node: toIncidentModel(item.row, principal),
  }));
  return {
    edges,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: afterCursor,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
