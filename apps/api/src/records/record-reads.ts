import type { Type } from '@nestjs/common';
import type { RecordReadModel, RecordRow } from '#read-model';
import type { Principal } from '../auth/principal.js';
import type { RecordNames } from './record-names.js';

/**
 * Everything the generic read side needs to know of one record type: its names, GraphQL types,
 * its read model, and how a row becomes what a principal may see.
 */
export interface RecordReads<Row extends RecordRow, Model extends { id: string }, FilterInput, Filter, Cursor> {
  readonly names: RecordNames;
  readonly model: Type<Model>;
  /** The list's and the list subscription's filter input. */
  readonly filter: Type<FilterInput>;
  readonly readModel: RecordReadModel<Row, Filter, Cursor>;
  canSee(principal: Principal, row: Row): boolean;
  toModel(row: Row, viewer: Principal): Model;
  /** The filter as asked, narrowed to what the principal may see (as `canSee` decides). */
  toFilter(input: FilterInput | null | undefined, principal: Principal): Filter;
}
