import { Inject } from '@nestjs/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import type pg from 'pg';
import { READ_MODEL_POOL } from '#infrastructure';
import { findIncidentRow, INCIDENT_PROJECTION } from '#read-model';
import { CurrentPrincipal } from '../../auth/current-principal.decorator.js';
import type { Principal } from '../../auth/principal.js';
import { Roles } from '../../auth/roles.decorator.js';
import { canonicalRecordId } from '../../common/record-id.js';
import { ApiError } from '../../errors/api-error.js';
import { INCIDENT_READERS } from '../incident-roles.js';
import { ConsistencyService } from '../../read-model/consistency.service.js';
import type { NodeFinder } from '../../node/node-source.js';
import { canSeeIncident } from './incident-visibility.js';
import { toIncidentModel } from './incident.mapper.js';
import { IncidentModel } from './incident.type.js';

@Resolver(() => IncidentModel)
export class IncidentResolver implements NodeFinder {
  constructor(
    @Inject(READ_MODEL_POOL) private readonly pool: pg.Pool,
    private readonly consistency: ConsistencyService,
  ) {}

  @Query(() => IncidentModel, { description: 'One incident of your tenant; NOT_FOUND otherwise' })
  @Roles(...INCIDENT_READERS)
  async incident(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID, description: 'The incident' }) id: string,
    @Args('consistentWith', {
      type: () => String,
      nullable: true,
      description: 'A position a mutation returned: wait (up to 5 s) until read models include it',
    })
    consistentWith?: string | null,
  ): Promise<IncidentModel> {
    await this.consistency.waitFor(consistentWith ?? undefined, INCIDENT_PROJECTION);
    return this.load(principal, id);
  }

  async load(principal: Principal, id: string): Promise<IncidentModel> {
    const incident = await this.find(principal, id);
    if (!incident) throw new ApiError('NOT_FOUND', `No incident ${id}`, { field: 'id' });
    return incident;
  }

  /** The incident as `principal` may see it; null when it is not in their tenant or not theirs to see. */
  async find(principal: Principal, id: string): Promise<IncidentModel | null> {
    const key = canonicalRecordId(id);
    const row = key ? await findIncidentRow(this.pool, principal.tenant, key) : undefined;
    return row && canSeeIncident(principal, row.detail.incident.callerId) ? toIncidentModel(row, principal) : null;
  }
}
