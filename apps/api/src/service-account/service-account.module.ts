import { Module } from '@nestjs/common';
import { ServiceAccountsResolver } from './service-accounts.resolver.js';

/** Service accounts for automation: created, rotated and revoked by a tenant's admins. */
@Module({ providers: [ServiceAccountsResolver] })
export class ServiceAccountModule {}
