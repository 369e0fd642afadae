import { Resolver } from '@nestjs/graphql';
import { MutationPayloadResolver } from '../../records/mutation-payload.resolver.js';
import { IncidentPayload } from './incident-payload.type.js';
import { INCIDENT_READS } from './incident-reads.js';

@Resolver(() => IncidentPayload)
export class IncidentPayloadResolver extends MutationPayloadResolver(IncidentPayload, INCIDENT_READS) {}
