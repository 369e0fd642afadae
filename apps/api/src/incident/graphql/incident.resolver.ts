import { Inject } from '@nestjs/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import type pg from 'pg';
import { READ_MODEL_POOL } from '#infrastructure';
import { findIncidentRow } from '#read-model';
import { CurrentPrincipal } from '../../auth/current-principal.decorator.js';
import type { Principal } from '../../auth/principal.js';
import { Roles } from '../../auth/roles.decorator.js';
import { canonicalRecordId } from '../../common/record-id.js';
import { ApiError } from '../../errors/api-error.js';
import { INCIDENT_READERS } from '../incident-roles.js';
import { ConsistencyService } from '../../read-model/consistency.service.js';
import { INCIDENT_PROJECTION } from '../../../../projector/src/incident/incident.projection.js';
import { canSeeIncident } from './incident-visibility.js';
import { toIncidentModel } from './incident.mapper.js';
import { IncidentModel } from './incident.type.js';

@Resolver(() => IncidentModel)
export class IncidentResolver {
  constructor(
    @Inject(READ_MODEL_POOL) private readonly pool: pg.Pool,
    private readonly consistency: ConsistencyService,
  ) {}

  @Query(() => IncidentModel, { description: 'One incident of your tenant; NOT_FOUND otherwise' })
  @Roles(...INCIDENT_READERS)
  async incident(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('consistentWith', { type: () => String, nullable: true, description: 'Wait until read models include this position' })
    consistentWith?: string | null,
  ): Promise<IncidentModel> {
    await this.consistency.waitFor(consistentWith ?? undefined, INCIDENT_PROJECTION);
    return this.load(principal, id);
  }

  async load(principal: Principal, id: string): Promise<IncidentModel> {
    const key = canonicalRecordId(id);
    const row = key ? await findIncidentRow(this.pool, principal.tenant, key) : undefined;
    if (!row || !canSeeIncident(principal, row.detail.incident.callerId)) {
      throw new ApiError('NOT_FOUND', `No incident ${id}`, { field: 'id' });
    }
    return toIncidentModel(row, principal);
  }
}
