import { Resolver } from '@nestjs/graphql';
import { RecordQueriesResolver } from '../../records/record-queries.resolver.js';
import { PROBLEM_READS } from './problem-reads.js';
import { ProblemModel } from './problem.type.js';

/** `problem`, `problemAsOf`, `problems`, `problemChanged`, `problemsChanged`, and node(id) for problems. */
@Resolver(() => ProblemModel)
export class ProblemQueriesResolver extends RecordQueriesResolver(PROBLEM_READS) {}
