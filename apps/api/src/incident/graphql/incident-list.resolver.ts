import { Inject } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import type pg from 'pg';
import { READ_MODEL_POOL } from '#infrastructure';
import { listIncidents, INCIDENT_PROJECTION } from '#read-model';
import { CurrentPrincipal } from '../../auth/current-principal.decorator.js';
import type { Principal } from '../../auth/principal.js';
import { Roles } from '../../auth/roles.decorator.js';
import { ConsistencyService } from '../../read-model/consistency.service.js';
import { INCIDENT_READERS } from '../incident-roles.js';
import { IncidentConnection } from './incident-connection.type.js';
import { IncidentListArgs } from './incident-list.args.js';
import { toIncidentConnection, toIncidentListCursor, toIncidentListFilter } from './incident-list.mapper.js';

@Resolver()
export class IncidentListResolver {
  constructor(
    @Inject(READ_MODEL_POOL) private readonly pool: pg.Pool,
    private readonly consistency: ConsistencyService,
  ) {}

  @Query(() => IncidentConnection, {
    description: 'Incidents of your tenant in queue order (priority, then oldest first); requesters see their own',
  })
  @Roles(...INCIDENT_READERS)
  async incidents(@CurrentPrincipal() principal: Principal, @Args() args: IncidentListArgs): Promise<IncidentConnection> {
    const after = args.after ? toIncidentListCursor(args.after) : undefined;
    await this.consistency.waitFor(args.consistentWith ?? undefined, INCIDENT_PROJECTION);
    const page = await listIncidents(this.pool, {
      tenant: principal.tenant,
      filter: toIncidentListFilter(args.filter, principal),
      first: args.first,
      after,
    });
    return toIncidentConnection(page, principal, Boolean(args.after));
  }
}
