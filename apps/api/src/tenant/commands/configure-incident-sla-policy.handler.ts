import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { tenantSettingsDecider, type ConfigureIncidentSlaPolicy } from '#domain';
import { tenantSettingsStreamId } from '#events';
import { DeciderCommandExecutor, TenantSettingsService } from '#commands';
import { ConfigureIncidentSlaPolicyCommand } from './configure-incident-sla-policy.command.js';
import type { TenantSettingsCommandResult } from './tenant-settings-command-result.js';

@CommandHandler(ConfigureIncidentSlaPolicyCommand)
export class ConfigureIncidentSlaPolicyHandler implements ICommandHandler<ConfigureIncidentSlaPolicyCommand> {
  constructor(
    private readonly executor: DeciderCommandExecutor,
    private readonly settings: TenantSettingsService,
  ) {}

  async execute({ policy, envelope }: ConfigureIncidentSlaPolicyCommand): Promise<TenantSettingsCommandResult> {
    const command: ConfigureIncidentSlaPolicy = {
      type: 'ConfigureIncidentSlaPolicy',
      data: { policy },
      metadata: { now: envelope.now.toISOString() },
    };
    const result = await this.executor.execute(
      tenantSettingsDecider,
      tenantSettingsStreamId(envelope.tenant),
      command,
      envelope,
      { intent: { type: command.type, data: command.data } },
    );
    this.settings.forget(envelope.tenant);
    return {
      // Configured now or by the earlier run of this command id: a policy is set either way.
      incidentSlaPolicy: result.state.incidentSlaPolicy!,
      version: result.version.toString(),
    };
  }
}
