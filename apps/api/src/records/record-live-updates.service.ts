import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { READ_MODEL_POOL } from '#infrastructure';
import type { ReadModelUpdate, RecordRow } from '#read-model';
import type { Principal } from '../auth/principal.js';
import { canonicalRecordId } from '#events';
import { ReadModelUpdateFeed } from '../read-model/read-model-update-feed.js';
import { stoppable } from '../read-model/stoppable-iterator.js';
import { recordNotFound } from './record-lookup.js';
import type { RecordReads } from './record-reads.js';

/**
 * Records as their projection commits them (its NOTIFY arrives after the commit), so a
 * subscriber reading the pushed record, or querying it, sees the state that was announced.
 * Only the principal's tenant and what the principal may see. A notice names each record once
 * with its version after the committed batch, so a subscriber is pushed each state once.
 */
@Injectable()
export class RecordLiveUpdates {
  constructor(
    @Inject(READ_MODEL_POOL) private readonly pool: pg.Pool,
    private readonly feed: ReadModelUpdateFeed,
  ) {}

  /** Each committed change of one record; NOT_FOUND unless the principal can see it now. */
  async ofRecord<Row extends RecordRow, Model extends { id: string }>(
    reads: RecordReads<Row, Model, unknown, unknown, unknown>,
    principal: Principal,
    id: string,
  ): Promise<AsyncIterableIterator<Model>> {
    const key = canonicalRecordId(id);
    const { find } = reads.readModel;
    const findOne = async (): Promise<Row[]> => {
      const row = key ? await find(this.pool, principal.tenant, key) : undefined;
      return row ? [row] : [];
    };
    // Listening before the check: a change committed meanwhile is not missed.
    const updates = this.updates(reads, principal, async (ids) => (key !== undefined && ids.includes(key) ? findOne() : []));
    const [row] = await findOne();
    if (!row || !reads.canSee(principal, row)) {
      await updates.return?.();
      throw recordNotFound(reads.names.singular, id);
    }
    return updates;
  }

  /** Each committed change of a record that, after the change, the list filter admits. */
  ofList<Row extends RecordRow, Model extends { id: string }, Filter>(
    reads: RecordReads<Row, Model, unknown, Filter, unknown>,
    principal: Principal,
    filter: Filter,
  ): AsyncIterableIterator<Model> {
    const { findMatching } = reads.readModel;
    return this.updates(reads, principal, async (ids) =>
      ids.length === 0 ? [] : findMatching(this.pool, principal.tenant, ids, filter),
    );
  }

  private updates<Row extends RecordRow, Model extends { id: string }>(
    reads: RecordReads<Row, Model, unknown, unknown, unknown>,
    principal: Principal,
    rowsOf: (ids: string[]) => Promise<Row[]>,
  ): AsyncIterableIterator<Model> {
    return stoppable((signal) => this.updatedRecords(this.feed.updates(signal), reads, principal, rowsOf));
  }

  private async *updatedRecords<Row extends RecordRow, Model extends { id: string }>(
    updates: AsyncIterable<ReadModelUpdate>,
    reads: RecordReads<Row, Model, unknown, unknown, unknown>,
    principal: Principal,
    rowsOf: (ids: string[]) => Promise<Row[]>,
  ): AsyncGenerator<Model> {
    const { kind, projection } = reads.readModel;
    for await (const update of updates) {
      if (update.projection !== projection) continue;
      const announced = new Map(
        update.records
          .filter((record) => record.kind === kind && record.tenant === principal.tenant)
          .map((record) => [record.id, record.version]),
      );
      for (const row of await rowsOf([...announced.keys()])) {
        // A row already past the announced version has a later notice of its own: pushing it
        // now too would send that state twice.
        if (row.version !== announced.get(row.id)) continue;
        if (reads.canSee(principal, row)) yield reads.toModel(row, principal);
      }
    }
  }
}
