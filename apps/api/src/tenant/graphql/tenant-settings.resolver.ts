import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { defaultAlertPolicy, defaultIncidentSlaPolicy } from '#domain';
import { Clock, TenantSettingsService } from '#commands';
import { CurrentPrincipal } from '../../auth/current-principal.decorator.js';
import type { Principal } from '../../auth/principal.js';
import { Roles } from '../../auth/roles.decorator.js';
import { commandEnvelope } from '../../common/command-envelope.factory.js';
import { ConfigureIncidentSlaPolicyCommand } from '../commands/configure-incident-sla-policy.command.js';
import { ConfigureIncidentSlaPolicyInput } from './configure-incident-sla-policy.input.js';
import { TenantSettingsPayload } from './tenant-settings-payload.type.js';
import { TenantSettings } from './tenant-settings.type.js';

@Resolver()
export class TenantSettingsResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly clock: Clock,
    private readonly settings: TenantSettingsService,
  ) {}

  /** Open to every role of the tenant: the targets show on every incident anyway. */
  @Query(() => TenantSettings, { description: "Your tenant's settings; every role may read them" })
  async tenantSettings(@CurrentPrincipal() principal: Principal): Promise<TenantSettings> {
    const { incidentSlaPolicy, alertPolicy } = await this.settings.settings(principal.tenant);
    return {
      incidentSlaPolicy: incidentSlaPolicy ?? defaultIncidentSlaPolicy,
      isDefault: incidentSlaPolicy === null,
      alertPolicy: alertPolicy ?? defaultAlertPolicy,
    };
  }

  @Mutation(() => TenantSettingsPayload, {
    description: 'Replace the SLA targets of every priority; incidents opened or reprioritised later get them',
  })
  @Roles('admin')
  configureIncidentSlaPolicy(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'The new policy' }) input: ConfigureIncidentSlaPolicyInput,
  ): Promise<TenantSettingsPayload> {
    return this.commandBus.execute(
      new ConfigureIncidentSlaPolicyCommand(input.policy, commandEnvelope(principal, input, this.clock.now())),
    );
  }
}
