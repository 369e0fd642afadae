import { Field, ObjectType } from '@nestjs/graphql';
import { AlertPolicy } from '../../alert/alert-policy.type.js';
import { IncidentSlaPolicy } from './incident-sla-policy.type.js';
import { ProblemIncidentPolicy } from './problem-incident-policy.type.js';

@ObjectType({ description: "The caller's tenant's settings, as commands use them" })
export class TenantSettings {
  @Field(() => IncidentSlaPolicy, { description: 'Targets new and reprioritised incidents get' })
  incidentSlaPolicy!: IncidentSlaPolicy;
  @Field({ description: 'True while the tenant has not configured its own policy (SPEC defaults)' })
  isDefault!: boolean;
  @Field(() => ProblemIncidentPolicy, { description: 'What a fixed problem does to its linked incidents' })
  problemIncidentPolicy!: ProblemIncidentPolicy;
  @Field(() => AlertPolicy, { description: "What clearAlert does to an alert's incident" })
  alertPolicy!: AlertPolicy;
}
