import { Command } from '@nestjs/cqrs';
import type { TenantSettingsCommand, TenantSettingsState } from '#domain';
import type { CommandEnvelope } from '#commands';

/** The tenant's settings after a command, and the version of its settings stream. */
export interface TenantSettingsCommandResult {
  readonly settings: TenantSettingsState;
  readonly version: string;
}

/** Any change of a tenant's settings, as an admin asks it (the handler adds the clock). */
export class ConfigureTenantSettingsCommand extends Command<TenantSettingsCommandResult> {
  constructor(
    readonly intent: Omit<TenantSettingsCommand, 'metadata'>,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}
