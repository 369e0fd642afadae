import { Inject } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type pg from 'pg';
import { hashServiceAccountSecret, newServiceAccountSecret, serviceAccountRecord } from '#commands';
import { READ_MODEL_POOL } from '#infrastructure';
import { listServiceAccounts, SERVICE_ACCOUNT_PROJECTION, serviceAccountRowTable } from '#read-model';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { Roles } from '../auth/roles.decorator.js';
import { formatServiceAccountCredential } from '../auth/service-account-credential.js';
import { RecordCommandDispatcher, type RecordMutationResult } from '../common/record-command.dispatcher.js';
import { ApiError } from '../errors/api-error.js';
import { ConsistencyService } from '../read-model/consistency.service.js';
import { toServiceAccountModel } from './service-account.mapper.js';
import { CreateServiceAccountInput, RevokeServiceAccountInput, RotateServiceAccountSecretInput } from './service-account.inputs.js';
import { ServiceAccountCredentialPayload, ServiceAccountPayload } from './service-account-payload.type.js';
import { ServiceAccountModel } from './service-account.type.js';

/**
 * Admins manage their tenant's service accounts; auditors may list them. Another tenant's
 * account is simply not there (NOT_FOUND), as its stream is named with the other tenant.
 */
@Resolver()
export class ServiceAccountsResolver {
  constructor(
    private readonly commands: RecordCommandDispatcher,
    private readonly consistency: ConsistencyService,
    @Inject(READ_MODEL_POOL) private readonly pool: pg.Pool,
  ) {}

  @Query(() => [ServiceAccountModel], { description: "Your tenant's service accounts, oldest first; never their secrets" })
  @Roles('admin', 'auditor')
  async serviceAccounts(
    @CurrentPrincipal() principal: Principal,
    @Args('consistentWith', { type: () => String, nullable: true, description: 'A position a mutation returned' })
    consistentWith?: string | null,
  ): Promise<ServiceAccountModel[]> {
    await this.consistency.waitFor(consistentWith ?? undefined, SERVICE_ACCOUNT_PROJECTION);
    return (await listServiceAccounts(this.pool, principal.tenant)).map(toServiceAccountModel);
  }

  @Mutation(() => ServiceAccountCredentialPayload, { description: 'Create a service account; its credential is shown this once' })
  @Roles('admin')
  async createServiceAccount(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'Name, roles and optional expiry' }) input: CreateServiceAccountInput,
  ): Promise<ServiceAccountCredentialPayload> {
    const secret = newServiceAccountSecret();
    const fields = { name: input.name, roles: input.roles, expiresAt: input.expiresAt ?? null, secretHash: await hashServiceAccountSecret(secret) };
    const result = await this.commands.open(serviceAccountRecord, principal, {}, fields);
    return { ...(await this.payload(result)), credential: credentialOf(result, secret) };
  }

  @Mutation(() => ServiceAccountCredentialPayload, {
    description: 'Replace the secret of a service account; the old credential stops working at once',
  })
  @Roles('admin')
  async rotateServiceAccountSecret(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'The account' }) input: RotateServiceAccountSecretInput,
  ): Promise<ServiceAccountCredentialPayload> {
    const secret = newServiceAccountSecret();
    const intent = { type: 'RotateServiceAccountSecret', data: { secretHash: await hashServiceAccountSecret(secret) } } as const;
    const result = await this.commands.send(serviceAccountRecord, principal, input, intent);
    return { ...(await this.payload(result)), credential: credentialOf(result, secret) };
  }

  @Mutation(() => ServiceAccountPayload, { description: 'Revoke a service account for good; its credential stops working at once' })
  @Roles('admin')
  async revokeServiceAccount(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'The account and why' }) input: RevokeServiceAccountInput,
  ): Promise<ServiceAccountPayload> {
    const intent = { type: 'RevokeServiceAccount', data: { reason: input.reason } } as const;
    return this.payload(await this.commands.send(serviceAccountRecord, principal, input, intent));
  }

  /** The account as listed once the projection has it; null with CONSISTENCY_TIMEOUT left out, as the write stands. */
  private async payload({ tenant, recordId, version, position }: RecordMutationResult): Promise<ServiceAccountPayload> {
    let serviceAccount: ServiceAccountModel | null = null;
    try {
      await this.consistency.waitFor(position, SERVICE_ACCOUNT_PROJECTION);
      const row = await serviceAccountRowTable.find(this.pool, tenant, recordId);
      serviceAccount = row ? toServiceAccountModel(row) : null;
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'CONSISTENCY_TIMEOUT')) throw error;
    }
    return { serviceAccountId: recordId, version, position, serviceAccount };
  }
}

function credentialOf({ tenant, recordId }: RecordMutationResult, secret: string): string {
  return formatServiceAccountCredential({ tenant, accountId: recordId, secret });
}
