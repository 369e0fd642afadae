import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { tenantSettingsDecider, type TenantSettingsCommand } from '#domain';
import { tenantSettingsStreamId } from '#events';
import { DeciderCommandExecutor, TenantSettingsService } from '#commands';
import { ConfigureTenantSettingsCommand, type TenantSettingsCommandResult } from './configure-tenant-settings.command.js';

/** Every tenant settings command: one settings stream per tenant, read again at once by this process. */
@CommandHandler(ConfigureTenantSettingsCommand)
export class ConfigureTenantSettingsHandler implements ICommandHandler<ConfigureTenantSettingsCommand> {
  constructor(
    private readonly executor: DeciderCommandExecutor,
    private readonly settings: TenantSettingsService,
  ) {}

  async execute({ intent, envelope }: ConfigureTenantSettingsCommand): Promise<TenantSettingsCommandResult> {
    const command = { ...intent, metadata: { now: envelope.now.toISOString() } } as TenantSettingsCommand;
    const result = await this.executor.execute(tenantSettingsDecider, tenantSettingsStreamId(envelope.tenant), command, envelope, {
      intent,
    });
    this.settings.forget(envelope.tenant);
    return { settings: result.state, version: result.version.toString() };
  }
}
