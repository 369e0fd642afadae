import { Field, ObjectType } from '@nestjs/graphql';
import { IncidentSlaPolicy } from './incident-sla-policy.type.js';

/** What a tenant settings mutation returns. */
@ObjectType()
export class TenantSettingsPayload {
  @Field(() => IncidentSlaPolicy) incidentSlaPolicy!: IncidentSlaPolicy;
  @Field({ description: "The settings' version after the mutation; send it back as expectedVersion" })
  version!: string;
}
