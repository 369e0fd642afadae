import { Inject, type Type } from '@nestjs/common';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type pg from 'pg';
import { READ_MODEL_POOL } from '#infrastructure';
import type { RecordRow } from '#read-model';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { ConsistencyService } from '../read-model/consistency.service.js';
import { loadVisibleRecord } from './record-lookup.js';
import type { RecordReads } from './record-reads.js';

/**
 * Reads the record of a mutation payload only when asked for, after the write is projected; for
 * the resolver of `<Type>Payload` to extend. Bound to the payload type here, not by the
 * subclass: Nest leaves a field resolver of an abstract resolver without its object type.
 */
export function MutationPayloadResolver<Row extends RecordRow, Model extends { id: string }>(
  payload: Type<unknown>,
  reads: RecordReads<Row, Model, unknown, unknown, unknown>,
) {
  const { names, model, readModel } = reads;

  @Resolver(() => payload)
  abstract class PayloadResolver {
    constructor(
      @Inject(READ_MODEL_POOL) protected readonly pool: pg.Pool,
      protected readonly consistency: ConsistencyService,
    ) {}

    @ResolveField(() => model, { name: names.singular, nullable: true })
    async record(
      @Parent() payload: { readonly position: string; readonly recordId: string },
      @CurrentPrincipal() principal: Principal,
    ): Promise<Model> {
      await this.consistency.waitFor(payload.position, readModel.projection);
      return loadVisibleRecord(this.pool, reads, principal, payload.recordId);
    }
  }
  return PayloadResolver;
}
