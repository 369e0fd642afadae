import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../../auth/current-principal.decorator.js';
import type { Principal } from '../../auth/principal.js';
import { ConsistencyService } from '../../read-model/consistency.service.js';
import { IncidentPayload } from './incident-payload.type.js';
import { IncidentResolver } from './incident.resolver.js';
import { IncidentModel } from './incident.type.js';
import { INCIDENT_PROJECTION } from '#read-model';

/** Reads the record of a mutation payload only when asked for, after the write is projected. */
@Resolver(() => IncidentPayload)
export class IncidentPayloadResolver {
  constructor(
    private readonly consistency: ConsistencyService,
    private readonly incidents: IncidentResolver,
  ) {}

  @ResolveField(() => IncidentModel, { nullable: true })
  async incident(@Parent() payload: IncidentPayload, @CurrentPrincipal() principal: Principal): Promise<IncidentModel> {
    await this.consistency.waitFor(payload.position, INCIDENT_PROJECTION);
    return this.incidents.load(principal, payload.recordId);
  }
}
