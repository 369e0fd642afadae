import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { defaultAlertPolicy, defaultIncidentSlaPolicy } from '#domain';
import { Clock, TenantSettingsService } from '#commands';
import { CurrentPrincipal } from '../../auth/current-principal.decorator.js';
import type { Principal } from '../../auth/principal.js';
import { Roles } from '../../auth/roles.decorator.js';
import { commandEnvelope } from '../../common/command-envelope.factory.js';
import { ConfigureTenantSettingsCommand } from '../commands/configure-tenant-settings.command.js';
import { ConfigureIncidentSlaPolicyInput } from './configure-incident-sla-policy.input.js';
import { ConfigureProblemIncidentPolicyInput } from './configure-problem-incident-policy.input.js';
import { ProblemIncidentPolicyPayload } from './problem-incident-policy.type.js';
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
    const { incidentSlaPolicy, resolveLinkedIncidentsOnFix, alertPolicy } = await this.settings.settings(principal.tenant);
    return {
      incidentSlaPolicy: incidentSlaPolicy ?? defaultIncidentSlaPolicy,
      isDefault: incidentSlaPolicy === null,
      problemIncidentPolicy: { resolveLinkedIncidentsOnFix: resolveLinkedIncidentsOnFix ?? true },
      alertPolicy: alertPolicy ?? defaultAlertPolicy,
    };
  }

  @Mutation(() => TenantSettingsPayload, {
    description: 'Replace the SLA targets of every priority; incidents opened or reprioritised later get them',
  })
  @Roles('admin')
  async configureIncidentSlaPolicy(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'The new policy' }) input: ConfigureIncidentSlaPolicyInput,
  ): Promise<TenantSettingsPayload> {
    const intent = { type: 'ConfigureIncidentSlaPolicy', data: { policy: input.policy } } as const;
    const { settings, version } = await this.commandBus.execute(
      new ConfigureTenantSettingsCommand(intent, commandEnvelope(principal, input, this.clock.now())),
    );
    // Configured now or by the earlier run of this command id: a policy is set either way.
    return { incidentSlaPolicy: settings.incidentSlaPolicy!, version };
  }

  @Mutation(() => ProblemIncidentPolicyPayload, {
    description: 'Turn on or off the resolving of a fixed problem’s open incidents; problems fixed later follow it',
  })
  @Roles('admin')
  async configureProblemIncidentPolicy(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'The policy' }) input: ConfigureProblemIncidentPolicyInput,
  ): Promise<ProblemIncidentPolicyPayload> {
    const intent = {
      type: 'ConfigureProblemIncidentPolicy',
      data: { resolveLinkedIncidentsOnFix: input.resolveLinkedIncidentsOnFix },
    } as const;
    const { settings, version } = await this.commandBus.execute(
      new ConfigureTenantSettingsCommand(intent, commandEnvelope(principal, input, this.clock.now())),
    );
    return { problemIncidentPolicy: { resolveLinkedIncidentsOnFix: settings.resolveLinkedIncidentsOnFix ?? true }, version };
  }
}
