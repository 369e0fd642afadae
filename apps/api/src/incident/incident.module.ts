import { Module } from '@nestjs/common';
import { RecordsModule } from '../records/records.module.js';
import { IncidentCollaborationResolver } from './graphql/incident-collaboration.resolver.js';
import { IncidentLifecycleResolver } from './graphql/incident-lifecycle.resolver.js';
import { IncidentTriageResolver } from './graphql/incident-triage.resolver.js';
import { IncidentMutationsResolver } from './graphql/incident-mutations.resolver.js';
import { IncidentPayloadResolver } from './graphql/incident-payload.resolver.js';
import { IncidentQueriesResolver } from './graphql/incident-queries.resolver.js';

@Module({
  imports: [RecordsModule],
  providers: [
    IncidentQueriesResolver,
    IncidentMutationsResolver,
    IncidentPayloadResolver,
    IncidentLifecycleResolver,
    IncidentTriageResolver,
    IncidentCollaborationResolver,
  ],
  exports: [IncidentQueriesResolver],
})
export class IncidentModule {}
