import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { maxServiceAccountNameLength } from '#domain';
import { ROLES, type Role } from '../auth/principal.js';
import { DateTimeScalar } from '../graphql/date-time.scalar.js';
import { REASON_MAX } from '../records/input-limits.js';
import { RoleEnum } from './role.enum.js';

/*
 * No commandId on these inputs: a retried create or rotation could not show the secret of the
 * first attempt again (only its hash is kept), so each call makes a new secret.
 */

@InputType({ description: 'A new service account' })
export class CreateServiceAccountInput {
  @Field({ description: `What it is for, e.g. "Prometheus alerts": not blank, at most ${maxServiceAccountNameLength} characters` })
  @IsString()
  @Length(1, maxServiceAccountNameLength)
  name!: string;

  @Field(() => [RoleEnum], { description: 'The roles it acts with, at least one; `automation` to raise alerts' })
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true })
  roles!: Role[];

  @Field(() => DateTimeScalar, { nullable: true, description: 'When its credential stops working by itself; omit for never' })
  @IsOptional()
  expiresAt?: string | null;
}

@InputType({ description: 'The service account whose secret to replace' })
export class RotateServiceAccountSecretInput {
  @Field(() => ID, { description: 'The account (UUID)' }) @IsString() id!: string;
}

@InputType({ description: 'The service account to revoke, for good' })
export class RevokeServiceAccountInput {
  @Field(() => ID, { description: 'The account (UUID)' }) @IsString() id!: string;

  @Field({ description: `Why, for the auditors: not blank, at most ${REASON_MAX} characters` })
  @IsString()
  @Length(1, REASON_MAX)
  reason!: string;
}
