import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { IsBoolean } from 'class-validator';

@ObjectType({ description: "What clearAlert does to an alert's incident" })
export class AlertPolicy {
  @Field({ description: 'True: a clear resolves the incident (CLEARED_BY_MONITORING); false (the default): it is only recorded, people resolve' })
  resolveIncidentOnClear!: boolean;
}

@InputType({ description: 'The alert policy that replaces the current one' })
export class ConfigureAlertPolicyInput {
  @Field({ description: 'Whether a clear resolves the incident the alert opened' })
  @IsBoolean()
  resolveIncidentOnClear!: boolean;
}

@ObjectType({ description: 'The alert policy now in force, and the version of the tenant settings' })
export class AlertPolicyPayload {
  @Field(() => AlertPolicy, { description: 'The policy now in force' }) alertPolicy!: AlertPolicy;
  @Field({ description: "The settings' version after the mutation" }) version!: string;
}
