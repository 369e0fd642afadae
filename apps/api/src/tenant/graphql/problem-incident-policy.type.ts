import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: "What a fixed problem does to its incidents, in the caller's tenant" })
export class ProblemIncidentPolicy {
  @Field({ description: 'Whether resolving a problem with FIX_APPLIED resolves its linked incidents that are still open' })
  resolveLinkedIncidentsOnFix!: boolean;
}

@ObjectType({ description: 'What configureProblemIncidentPolicy returns: the policy now in force, and the settings version' })
export class ProblemIncidentPolicyPayload {
  @Field(() => ProblemIncidentPolicy, { description: 'The policy now in force' }) problemIncidentPolicy!: ProblemIncidentPolicy;
  @Field({ description: "The settings' version after the mutation; send it back as expectedVersion" })
  version!: string;
}
