import { Field, ObjectType } from '@nestjs/graphql';
import { IncidentSlaPolicy } from './incident-sla-policy.type.js';

@ObjectType({ description: 'What a tenant settings mutation returns: the settings as now in force, and their version' })
export class TenantSettingsPayload {
  @Field(() => IncidentSlaPolicy, { description: 'The SLA policy now in force' }) incidentSlaPolicy!: IncidentSlaPolicy;
  @Field({ description: "The settings' version after the mutation; send it back as expectedVersion" })
  version!: string;
}
