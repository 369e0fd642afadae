import { Module } from '@nestjs/common';
import { HistoryModule } from '../history/history.module.js';
import { IncidentAsOfResolver } from './graphql/incident-as-of.resolver.js';
import { IncidentCollaborationResolver } from './graphql/incident-collaboration.resolver.js';
import { IncidentLifecycleResolver } from './graphql/incident-lifecycle.resolver.js';
import { IncidentTriageResolver } from './graphql/incident-triage.resolver.js';
import { IncidentMutationsResolver } from './graphql/incident-mutations.resolver.js';
import { IncidentPayloadResolver } from './graphql/incident-payload.resolver.js';
import { IncidentResolver } from './graphql/incident.resolver.js';
import { IncidentListResolver } from './graphql/incident-list.resolver.js';
import { IncidentLiveUpdates } from './graphql/incident-live-updates.service.js';
import { IncidentSubscriptionsResolver } from './graphql/incident-subscriptions.resolver.js';

@Module({
  imports: [HistoryModule],
  providers: [
    IncidentResolver,
    IncidentMutationsResolver,
    IncidentPayloadResolver,
    IncidentLifecycleResolver,
    IncidentTriageResolver,
    IncidentCollaborationResolver,
    IncidentAsOfResolver,
    IncidentListResolver,
    IncidentSubscriptionsResolver,
    IncidentLiveUpdates,
  ],
  exports: [IncidentResolver],
})
export class IncidentModule {}
