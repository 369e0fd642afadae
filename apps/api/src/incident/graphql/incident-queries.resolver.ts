import { Resolver } from '@nestjs/graphql';
import { RecordQueriesResolver } from '../../records/record-queries.resolver.js';
import { INCIDENT_READS } from './incident-reads.js';
import { IncidentModel } from './incident.type.js';

/** `incident`, `incidentAsOf`, `incidents`, `incidentChanged`, `incidentsChanged`, and node(id) for incidents. */
@Resolver(() => IncidentModel)
export class IncidentQueriesResolver extends RecordQueriesResolver(INCIDENT_READS) {}
