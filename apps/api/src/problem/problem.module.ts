import { Module } from '@nestjs/common';
import { RecordsModule } from '../records/records.module.js';
import { IncidentProblemResolver } from './graphql/incident-problem.resolver.js';
import { ProblemLifecycleResolver } from './graphql/problem-lifecycle.resolver.js';
import { ProblemPayloadResolver } from './graphql/problem-payload.resolver.js';
import { ProblemQueriesResolver } from './graphql/problem-queries.resolver.js';
import { ProblemWorkResolver } from './graphql/problem-work.resolver.js';

@Module({
  imports: [RecordsModule],
  providers: [ProblemQueriesResolver, ProblemPayloadResolver, ProblemLifecycleResolver, ProblemWorkResolver, IncidentProblemResolver],
  exports: [ProblemQueriesResolver],
})
export class ProblemModule {}
