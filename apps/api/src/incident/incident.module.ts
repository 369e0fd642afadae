import { Module } from '@nestjs/common';
import { OpenIncidentHandler } from './commands/open-incident.handler.js';
import { IncidentMutationsResolver } from './graphql/incident-mutations.resolver.js';
import { IncidentPayloadResolver } from './graphql/incident-payload.resolver.js';
import { IncidentResolver } from './graphql/incident.resolver.js';

@Module({
  providers: [IncidentResolver, IncidentMutationsResolver, IncidentPayloadResolver, OpenIncidentHandler],
})
export class IncidentModule {}
