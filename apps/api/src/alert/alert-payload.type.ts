import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'Where an alert went: the incident of its fingerprint' })
export class AlertPayload {
  @Field(() => ID, { description: 'The incident; read it with incident(id, consistentWith: position)' }) incidentId!: string;
  @Field({ description: 'True when this alert opened the incident; false when it counted on one already open' }) opened!: boolean;
  @Field(() => Int, { description: 'How many times the alert came while this incident was open, this one included' })
  occurrences!: number;
  @Field({ description: "True once the incident is RESOLVED (clearAlert, when the tenant's alert policy says so)" }) resolved!: boolean;
  @Field({ description: "The incident's version after the alert" }) version!: string;
  @Field({ description: 'Pass as consistentWith to read your own write' }) position!: string;
}
