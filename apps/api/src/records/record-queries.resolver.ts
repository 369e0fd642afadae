import { Inject, type Type } from '@nestjs/common';
import { Args, ArgsType, ID, Query, Resolver, Subscription } from '@nestjs/graphql';
import type pg from 'pg';
import { READ_MODEL_POOL } from '#infrastructure';
import type { RecordRow } from '#read-model';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { canonicalRecordId } from '#events';
import { DateTimeScalar } from '../graphql/date-time.scalar.js';
import { RecordEventsReader } from '../history/record-events.reader.js';
import type { NodeFinder } from '../node/node-source.js';
import { ConsistencyService } from '../read-model/consistency.service.js';
import { toConnection, toListCursor } from './connection.mapper.js';
import { Connection } from './connection.type.js';
import { findVisibleRecord, loadVisibleRecord, recordNotFound } from './record-lookup.js';
import { RecordListArgs } from './record-list.args.js';
import { RecordLiveUpdates } from './record-live-updates.service.js';
import { capitalized } from './record-names.js';
import type { RecordReads } from './record-reads.js';

const CONSISTENT_WITH = 'A position a mutation returned: wait (up to 5 s) until read models include it';

/**
 * The read side of a record type, for its queries resolver to extend: `<record>(id)`,
 * `<record>AsOf`, the `<records>` list, and the `<record>Changed` and `<records>Changed`
 * subscriptions; also the record's `node(id)` finder.
 */
export function RecordQueriesResolver<Row extends RecordRow, Model extends { id: string }, FilterInput, Filter, Cursor>(
  reads: RecordReads<Row, Model, FilterInput, Filter, Cursor>,
) {
  const { names, model, readModel } = reads;
  const RecordConnection = Connection(model, names);
  const { listOrder, listOrderMeans, listVisibility, plural } = names;
  const listDescription = `${capitalized(plural)} of your tenant in ${listOrder} (${listOrderMeans}); ${listVisibility}`;
  const listChangedDescription =
    `Every ${names.singular} of your tenant that, once changed, matches the filter ` + `(as \`${plural}\` would list it)`;
  /** The pushed value is the record itself, not an object holding it under the field name. */
  const asIs = (record: Model) => record;

  // Classes declared here so that TypeScript reflects them as the parameters' types: the
  // validation pipe validates against those, and a type parameter would reflect as Object.
  @ArgsType()
  class ListArgs extends RecordListArgs(reads.filter, names) {}
  class ListFilter extends (reads.filter as Type<object>) {}

  @Resolver({ isAbstract: true })
  abstract class RecordQueries implements NodeFinder {
    constructor(
      @Inject(READ_MODEL_POOL) protected readonly pool: pg.Pool,
      protected readonly consistency: ConsistencyService,
      protected readonly events: RecordEventsReader,
      protected readonly live: RecordLiveUpdates,
    ) {}

    @Query(() => model, { name: names.singular, description: `One ${names.singular} of your tenant; NOT_FOUND otherwise` })
    async record(
      @CurrentPrincipal() principal: Principal,
      @Args('id', { type: () => ID, description: `The ${names.singular}` }) id: string,
      @Args('consistentWith', { type: () => String, nullable: true, description: CONSISTENT_WITH })
      consistentWith?: string | null,
    ): Promise<Model> {
      await this.consistency.waitFor(consistentWith ?? undefined, readModel.projection);
      return loadVisibleRecord(this.pool, reads, principal, id);
    }

    /**
     * The record as the system knew it at an instant, rebuilt from the event store with the
     * read model's own fold. "At" means the events' recorded time: what had been stored by
     * then, which is what an auditor can prove.
     */
    @Query(() => model, {
      name: `${names.singular}AsOf`,
      description: `The ${names.singular} as recorded at an instant; NOT_FOUND if it did not exist yet`,
    })
    async recordAsOf(
      @CurrentPrincipal() principal: Principal,
      @Args('id', { type: () => ID, description: `The ${names.singular}` }) id: string,
      @Args('at', { type: () => DateTimeScalar, description: 'The instant: events recorded later are left out' }) at: string,
    ): Promise<Model> {
      const key = canonicalRecordId(id);
      const until = Date.parse(at);
      let row: Row | undefined;
      for (const event of key ? await this.events.read(readModel.kind, principal.tenant, key) : []) {
        if (event.created.getTime() > until) break;
        row = readModel.evolve(row, event, { tenant: principal.tenant, id: key! });
      }
      if (!row || !reads.canSee(principal, row)) throw recordNotFound(names.singular, id, at);
      return reads.toModel(row, principal);
    }

    @Query(() => RecordConnection, { name: names.plural, description: listDescription })
    async list(@CurrentPrincipal() principal: Principal, @Args() args: ListArgs): Promise<Connection<Model>> {
      const after = args.after ? toListCursor(readModel.cursor, args.after) : undefined;
      await this.consistency.waitFor(args.consistentWith ?? undefined, readModel.projection);
      const page = await readModel.list(this.pool, {
        tenant: principal.tenant,
        filter: reads.toFilter(args.filter, principal),
        first: args.first,
        after,
      });
      return toConnection(page, readModel.cursor, (row) => reads.toModel(row, principal), Boolean(args.after));
    }

    @Subscription(() => model, {
      name: `${names.singular}Changed`,
      resolve: asIs,
      description: `The ${names.singular} each time a change of it is committed; NOT_FOUND if you cannot see it`,
    })
    recordChanged(
      @CurrentPrincipal() principal: Principal,
      @Args('id', { type: () => ID, description: `The ${names.singular} to follow` }) id: string,
    ): Promise<AsyncIterableIterator<Model>> {
      return this.live.ofRecord(reads, principal, id);
    }

    @Subscription(() => model, { name: `${names.plural}Changed`, resolve: asIs, description: listChangedDescription })
    listChanged(
      @CurrentPrincipal() principal: Principal,
      // Typed without `| null`: a union would reach the validation pipe as Object, unvalidated.
      @Args('filter', {
        type: () => reads.filter,
        nullable: true,
        description: `Which ${names.plural}; all you may see when absent`,
      })
      filter?: ListFilter,
    ): AsyncIterableIterator<Model> {
      return this.live.ofList(reads, principal, reads.toFilter(filter as FilterInput | undefined, principal));
    }

    /** For `node(id)`: the record as `principal` may see it, or null. */
    find(principal: Principal, id: string): Promise<Model | null> {
      return findVisibleRecord(this.pool, reads, principal, id);
    }
  }
  return RecordQueries;
}
