import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { READ_MODEL_POOL } from '#infrastructure';
import { findIncidentRow, findMatchingIncidentRows, type IncidentListFilter, type ReadModelUpdate, INCIDENT_PROJECTION } from '#read-model';
import type { Principal } from '../../auth/principal.js';
import { canonicalRecordId } from '../../common/record-id.js';
import { ApiError } from '../../errors/api-error.js';
import { ReadModelUpdateFeed } from '../../read-model/read-model-update-feed.js';
import { stoppable } from '../../read-model/stoppable-iterator.js';
import { canSeeIncident } from './incident-visibility.js';
import { toIncidentModel } from './incident.mapper.js';
import type { IncidentModel } from './incident.type.js';

/**
 * Incidents as the incidents projection commits them (its NOTIFY arrives after the commit), so
 * a subscriber reading the pushed record, or querying it, sees the state that was announced.
 * Only the principal's tenant and what the principal may see. A notice names each record once
 * with its version after the committed batch, so a subscriber is pushed each state once.
 */
@Injectable()
export class IncidentLiveUpdates {
  constructor(
    @Inject(READ_MODEL_POOL) private readonly pool: pg.Pool,
    private readonly feed: ReadModelUpdateFeed,
  ) {}

  /** Each committed change of one incident; NOT_FOUND unless the principal can see it now. */
  async ofIncident(principal: Principal, id: string): Promise<AsyncIterableIterator<IncidentModel>> {
    const key = canonicalRecordId(id);
    // Listening before the check: a change committed meanwhile is not missed.
    const updates = this.updates(principal, {}, (ids) => ids.filter((changed) => changed === key));
    const row = key ? await findIncidentRow(this.pool, principal.tenant, key) : undefined;
    if (!row || !canSeeIncident(principal, row.detail.incident.callerId)) {
      await updates.return?.();
      throw new ApiError('NOT_FOUND', `No incident ${id}`, { field: 'id' });
    }
    return updates;
  }

  /** Each committed change of an incident that, after the change, the list filter admits. */
  ofList(principal: Principal, filter: IncidentListFilter): AsyncIterableIterator<IncidentModel> {
    return this.updates(principal, filter, (ids) => ids);
  }

  private updates(
    principal: Principal,
    filter: IncidentListFilter,
    select: (ids: string[]) => string[],
  ): AsyncIterableIterator<IncidentModel> {
    return stoppable((signal) => this.updatedIncidents(this.feed.updates(signal), principal, filter, select));
  }

  private async *updatedIncidents(
    updates: AsyncIterable<ReadModelUpdate>,
    principal: Principal,
    filter: IncidentListFilter,
    select: (ids: string[]) => string[],
  ): AsyncGenerator<IncidentModel> {
    for await (const update of updates) {
      if (update.projection !== INCIDENT_PROJECTION) continue;
      const announced = new Map(
        update.records
          .filter((record) => record.kind === 'incident' && record.tenant === principal.tenant)
          .map((record) => [record.id, record.version]),
      );
      const ids = select([...announced.keys()]);
      for (const row of await findMatchingIncidentRows(this.pool, principal.tenant, ids, filter)) {
        // A row already past the announced version has a later notice of its own: pushing it
        // now too would send that state twice.
        if (row.version !== announced.get(row.id)) continue;
        if (canSeeIncident(principal, row.detail.incident.callerId)) yield toIncidentModel(row, principal);
      }
    }
  }
}
