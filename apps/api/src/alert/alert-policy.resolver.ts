import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { tenantSettingsDecider, type ConfigureAlertPolicy } from '#domain';
import { tenantSettingsStreamId } from '#events';
import { Clock, DeciderCommandExecutor, TenantSettingsService } from '#commands';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { Roles } from '../auth/roles.decorator.js';
import { commandEnvelope } from '../common/command-envelope.factory.js';
import { AlertPolicyPayload, ConfigureAlertPolicyInput } from './alert-policy.type.js';

/** The tenant's alert policy, kept with its other settings in its settings stream. */
@Resolver()
export class AlertPolicyResolver {
  constructor(
    private readonly executor: DeciderCommandExecutor,
    private readonly settings: TenantSettingsService,
    private readonly clock: Clock,
  ) {}

  @Mutation(() => AlertPolicyPayload, { description: 'Set whether clearAlert resolves the incident an alert opened' })
  @Roles('admin')
  async configureAlertPolicy(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'The new policy' }) input: ConfigureAlertPolicyInput,
  ): Promise<AlertPolicyPayload> {
    const envelope = commandEnvelope(principal, {}, this.clock.now());
    const command: ConfigureAlertPolicy = {
      type: 'ConfigureAlertPolicy',
      data: { resolveIncidentOnClear: input.resolveIncidentOnClear },
      metadata: { now: envelope.now.toISOString() },
    };
    const result = await this.executor.execute(tenantSettingsDecider, tenantSettingsStreamId(envelope.tenant), command, envelope, {
      intent: { type: command.type, data: command.data },
    });
    this.settings.forget(envelope.tenant);
    return { alertPolicy: result.state.alertPolicy!, version: result.version.toString() };
  }
}
