import { Module } from '@nestjs/common';
import { ConfigureIncidentSlaPolicyHandler } from './commands/configure-incident-sla-policy.handler.js';
import { TenantSettingsResolver } from './graphql/tenant-settings.resolver.js';

/** Tenant administration; TenantSettingsService itself is global (CommandsModule of #commands), as handlers read it. */
@Module({
  providers: [TenantSettingsResolver, ConfigureIncidentSlaPolicyHandler],
})
export class TenantModule {}
