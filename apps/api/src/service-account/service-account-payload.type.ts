import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ServiceAccountModel } from './service-account.type.js';

@ObjectType({ description: 'What a service account mutation returns' })
export class ServiceAccountPayload {
  @Field(() => ID, { description: 'The account' }) serviceAccountId!: string;
  @Field({ description: 'Its version after the mutation' }) version!: string;
  @Field({ description: 'Pass as consistentWith to read your own write' }) position!: string;
  @Field(() => ServiceAccountModel, {
    nullable: true,
    description: 'The account as now listed; null (with CONSISTENCY_TIMEOUT) when read models are late',
  })
  serviceAccount!: ServiceAccountModel | null;
}

@ObjectType({ description: 'A service account with its new credential, shown this once and never again' })
export class ServiceAccountCredentialPayload extends ServiceAccountPayload {
  @Field({
    description: 'Send it as `Authorization: Bearer <credential>` (or the graphql-ws authorization parameter); only its hash is kept',
  })
  credential!: string;
}
