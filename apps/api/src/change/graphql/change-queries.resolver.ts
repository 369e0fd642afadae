import { Resolver } from '@nestjs/graphql';
import { RecordQueriesResolver } from '../../records/record-queries.resolver.js';
import { CHANGE_READS } from './change-reads.js';
import { ChangeModel } from './change.type.js';

/** `change`, `changeAsOf`, `changes`, `changeChanged`, `changesChanged`, and node(id) for changes. */
@Resolver(() => ChangeModel)
export class ChangeQueriesResolver extends RecordQueriesResolver(CHANGE_READS) {}
