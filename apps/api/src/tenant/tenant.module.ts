import { Module } from '@nestjs/common';
import { ConfigureTenantSettingsHandler } from './commands/configure-tenant-settings.handler.js';
import { TenantSettingsResolver } from './graphql/tenant-settings.resolver.js';

/** Tenant administration; TenantSettingsService itself is global (CommandsModule of #commands), as handlers read it. */
@Module({
  providers: [TenantSettingsResolver, ConfigureTenantSettingsHandler],
})
export class TenantModule {}
