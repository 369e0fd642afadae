import { Command } from '@nestjs/cqrs';
import type { ConfigureIncidentSlaPolicy } from '#domain';
import type { CommandEnvelope } from '#commands';
import type { TenantSettingsCommandResult } from './tenant-settings-command-result.js';

export class ConfigureIncidentSlaPolicyCommand extends Command<TenantSettingsCommandResult> {
  constructor(
    readonly policy: ConfigureIncidentSlaPolicy['data']['policy'],
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}
