import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { ChangeSettingsState } from '#domain';
import { ChangeSettingsService, Clock, type ChangeSettingsIntent } from '#commands';
import { CurrentPrincipal } from '../../auth/current-principal.decorator.js';
import type { Principal } from '../../auth/principal.js';
import { commandEnvelope, type CommandOptions } from '../../common/command-envelope.factory.js';
import { AddBlackoutWindowInput, ConfigureChangeAuthorityInput, RemoveBlackoutWindowInput } from './change-settings.input.js';
import { ChangeSettings, ChangeSettingsPayload } from './change-settings.type.js';

function toChangeSettings({ changeAuthority, blackoutWindows }: ChangeSettingsState): ChangeSettings {
  return {
    cabMembers: [...changeAuthority.cabMembers],
    emergencyApprovers: [...changeAuthority.emergencyApprovers],
    blackoutWindows: blackoutWindows.map((window) => ({ ...window })),
  };
}

/** The change authority and blackout windows: tenant settings kept as events in a stream of their own. */
@Resolver()
export class ChangeSettingsResolver {
  constructor(
    private readonly settings: ChangeSettingsService,
    private readonly clock: Clock,
  ) {}

  @Query(() => ChangeSettings, { description: "Your tenant's change authority and blackout windows" })
  async changeSettings(@CurrentPrincipal() principal: Principal): Promise<ChangeSettings> {
    return toChangeSettings(await this.settings.settings(principal.tenant));
  }

  @Mutation(() => ChangeSettingsPayload, { description: 'Name the CAB members and emergency approvers (the whole authority is replaced)' })
  configureChangeAuthority(@CurrentPrincipal() principal: Principal, @Args('input', { description: 'The authority' }) input: ConfigureChangeAuthorityInput) {
    const { cabMembers, emergencyApprovers } = input;
    return this.execute(principal, input, { type: 'ConfigureChangeAuthority', data: { cabMembers, emergencyApprovers } });
  }

  @Mutation(() => ChangeSettingsPayload, { description: 'Add a blackout (freeze) window' })
  addBlackoutWindow(@CurrentPrincipal() principal: Principal, @Args('input', { description: 'The window' }) input: AddBlackoutWindowInput) {
    const { name, start, end } = input;
    return this.execute(principal, input, { type: 'AddBlackoutWindow', data: { name, start, end } });
  }

  @Mutation(() => ChangeSettingsPayload, { description: 'Remove a blackout window' })
  removeBlackoutWindow(@CurrentPrincipal() principal: Principal, @Args('input', { description: 'The window' }) input: RemoveBlackoutWindowInput) {
    return this.execute(principal, input, { type: 'RemoveBlackoutWindow', data: { windowId: input.windowId.toLowerCase() } });
  }

  private async execute(principal: Principal, options: CommandOptions, intent: ChangeSettingsIntent): Promise<ChangeSettingsPayload> {
    const { settings, version } = await this.settings.execute(intent, commandEnvelope(principal, options, this.clock.now()));
    return { changeSettings: toChangeSettings(settings), version };
  }
}
