import { Module } from '@nestjs/common';
import { RecordsModule } from '../records/records.module.js';
import { IncidentIntentHandler } from './commands/incident-intent.handler.js';
import { OpenIncidentHandler } from './commands/open-incident.handler.js';
import { IncidentIntentDispatcher } from './graphql/incident-intent.dispatcher.js';
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
    OpenIncidentHandler,
    IncidentIntentHandler,
    IncidentIntentDispatcher,
    IncidentLifecycleResolver,
    IncidentTriageResolver,
    IncidentCollaborationResolver,
  ],
  exports: [IncidentQueriesResolver],
})
export class IncidentModule {}
