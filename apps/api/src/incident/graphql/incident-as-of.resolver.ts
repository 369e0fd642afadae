import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { type IncidentRow, evolveIncidentRow } from '#read-model';
import { CurrentPrincipal } from '../../auth/current-principal.decorator.js';
import type { Principal } from '../../auth/principal.js';
import { Roles } from '../../auth/roles.decorator.js';
import { canonicalRecordId } from '../../common/record-id.js';
import { ApiError } from '../../errors/api-error.js';
import { DateTimeScalar } from '../../graphql/date-time.scalar.js';
import { RecordEventsReader } from '../../history/record-events.reader.js';
import { INCIDENT_READERS } from '../incident-roles.js';
import { canSeeIncident } from './incident-visibility.js';
import { toIncidentModel } from './incident.mapper.js';
import { IncidentModel } from './incident.type.js';

/**
 * An incident as the system knew it at an instant, rebuilt from the event store with the same
 * fold as the read model (so authors and timeline come out as on the live record). "At" means
 * the events' recorded time: what had been stored by then, which is what an auditor can prove.
 */
@Resolver(() => IncidentModel)
export class IncidentAsOfResolver {
  constructor(private readonly events: RecordEventsReader) {}

  @Query(() => IncidentModel, { description: 'The incident as recorded at an instant; NOT_FOUND if it did not exist yet' })
  @Roles(...INCIDENT_READERS)
  async incidentAsOf(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID, description: 'The incident' }) id: string,
    @Args('at', { type: () => DateTimeScalar, description: 'The instant: events recorded later are left out' }) at: string,
  ): Promise<IncidentModel> {
    const incidentId = canonicalRecordId(id);
    const until = Date.parse(at);
    let row: IncidentRow | undefined;
    for (const event of incidentId ? await this.events.read('incident', principal.tenant, incidentId) : []) {
      if (event.created.getTime() > until) break;
      row = evolveIncidentRow(row, event, { tenant: principal.tenant, id: incidentId! });
    }
    if (!row || !canSeeIncident(principal, row.detail.incident.callerId)) {
      throw new ApiError('NOT_FOUND', `No incident ${id} at ${at}`, { field: 'id' });
    }
    return toIncidentModel(row, principal);
  }
}
