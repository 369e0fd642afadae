import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { ServiceAccountStatus } from '#domain';
import { enumOf } from '../graphql/enum-of.js';
import { DateTimeScalar } from '../graphql/date-time.scalar.js';
import type { Role } from '../auth/principal.js';
import { RoleEnum } from './role.enum.js';

export const ServiceAccountStateEnum = enumOf<ServiceAccountStatus>(['ACTIVE', 'REVOKED']);
registerEnumType(ServiceAccountStateEnum, {
  name: 'ServiceAccountState',
  description: 'Whether its credential may work',
  valuesMap: {
    ACTIVE: { description: 'Its credential works, until expiresAt if it has one' },
    REVOKED: { description: 'Its credential never works again' },
  },
});

@ObjectType({ description: 'Who did something to a service account, and when' })
export class ServiceAccountAct {
  @Field(() => DateTimeScalar, { description: 'When' }) at!: string;
  @Field({ description: 'Subject id of who did it' }) by!: string;
}

@ObjectType({ description: 'Why, when and by whom a service account was revoked' })
export class ServiceAccountRevocation extends ServiceAccountAct {
  @Field({ description: 'Why, as the admin gave it' }) reason!: string;
}

@ObjectType('ServiceAccount', { description: "An automation's identity in your tenant; its secret is never shown again" })
export class ServiceAccountModel {
  @Field(() => ID, { description: 'A UUID; part of its credential, and the recordId of its history' }) id!: string;
  @Field({ description: 'Human-readable, unique per tenant: SVC0001001' }) number!: string;
  @Field({ description: 'What the account is for' }) name!: string;
  @Field(() => [RoleEnum], { description: 'The roles its commands and queries run with' }) roles!: Role[];
  @Field(() => ServiceAccountStateEnum, { description: 'ACTIVE or REVOKED' }) state!: ServiceAccountStatus;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When its credential stops working by itself; null: until revoked' })
  expiresAt!: string | null;
  @Field(() => ServiceAccountAct, { description: 'Who created it, and when' }) created!: ServiceAccountAct;
  @Field(() => ServiceAccountAct, { nullable: true, description: 'Who last rotated its secret, and when; null if never' })
  secretRotated!: ServiceAccountAct | null;
  @Field(() => ServiceAccountRevocation, { nullable: true, description: 'Who revoked it, when and why; null while ACTIVE' })
  revoked!: ServiceAccountRevocation | null;
  @Field({ description: 'Stream revision of its last event' }) version!: string;
}
