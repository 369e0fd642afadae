import { Args, ID, Resolver, Subscription } from '@nestjs/graphql';
import { CurrentPrincipal } from '../../auth/current-principal.decorator.js';
import type { Principal } from '../../auth/principal.js';
import { Roles } from '../../auth/roles.decorator.js';
import { INCIDENT_READERS } from '../incident-roles.js';
import { IncidentFilter } from './incident-filter.input.js';
import { IncidentLiveUpdates } from './incident-live-updates.service.js';
import { toIncidentListFilter } from './incident-list.mapper.js';
import { IncidentModel } from './incident.type.js';

/** The pushed value is the incident itself, not an object holding it under the field name. */
const asIs = (incident: IncidentModel) => incident;

@Resolver()
export class IncidentSubscriptionsResolver {
  constructor(private readonly live: IncidentLiveUpdates) {}

  @Subscription(() => IncidentModel, {
    resolve: asIs,
    description: 'The incident each time a change of it is committed; NOT_FOUND if you cannot see it',
  })
  @Roles(...INCIDENT_READERS)
  incidentChanged(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID, description: 'The incident to follow' }) id: string,
  ): Promise<AsyncIterableIterator<IncidentModel>> {
    return this.live.ofIncident(principal, id);
  }

  @Subscription(() => IncidentModel, {
    resolve: asIs,
    description: 'Every incident of your tenant that, once changed, matches the filter (as `incidents` would list it)',
  })
  @Roles(...INCIDENT_READERS)
  incidentsChanged(
    @CurrentPrincipal() principal: Principal,
    // Typed without `| null`: a union would reach the validation pipe as Object, unvalidated.
    @Args('filter', { type: () => IncidentFilter, nullable: true, description: 'Which incidents; all you may see when absent' })
    filter?: IncidentFilter,
  ): AsyncIterableIterator<IncidentModel> {
    return this.live.ofList(principal, toIncidentListFilter(filter, principal));
  }
}
