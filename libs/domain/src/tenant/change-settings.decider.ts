import type { ChangeSettingsEvent } from '#events';
import type { Decider } from '../decider.js';
import type { ChangeSettingsCommand } from './change-settings.commands.js';
import { decideChangeSettings } from './change-settings.decide.js';
import { evolveChangeSettings, initialChangeSettingsState, type ChangeSettingsState } from './change-settings.state.js';

/** A tenant's change authority and blackout windows, in a stream of their own beside the tenant settings. */
export const changeSettingsDecider: Decider<ChangeSettingsCommand, ChangeSettingsEvent, ChangeSettingsState> = {
  version: 1,
  initialState: initialChangeSettingsState,
  evolve: evolveChangeSettings,
  decide: decideChangeSettings,
};
