import type { TenantSettingsEvent } from '#events';
import type { Decider } from '../decider.js';
import type { TenantSettingsCommand } from './tenant-settings.commands.js';
import { decideTenantSettings } from './tenant-settings.decide.js';
import {
  evolveTenantSettings,
  initialTenantSettingsState,
  type TenantSettingsState,
} from './tenant-settings.state.js';

export const tenantSettingsDecider: Decider<
  TenantSettingsCommand,
  TenantSettingsEvent,
  TenantSettingsState
> = {
  // 2: the alert policy.
  version: 2,
  initialState: initialTenantSettingsState,
  evolve: evolveTenantSettings,
  decide: decideTenantSettings,
};
