import type { EventContract } from '../event-contract.js';
import type { ChangeSettingsEvent, ChangeSettingsEventType } from './change-settings-events.js';

/** The names change settings events are stored under; never rename one (see incident contracts). */
const storedNames = {
  ChangeAuthorityConfigured: 'tenant.change-authority-configured.v1',
  BlackoutWindowAdded: 'tenant.blackout-window-added.v1',
  BlackoutWindowRemoved: 'tenant.blackout-window-removed.v1',
} as const satisfies { readonly [T in ChangeSettingsEventType]: `tenant.${string}.v${number}` };

const changeSettingsEventTypes = Object.keys(storedNames) as readonly ChangeSettingsEventType[];

export const changeSettingsEventContracts: readonly EventContract<ChangeSettingsEvent>[] =
  changeSettingsEventTypes.map((type) => ({ type, storedName: storedNames[type] }));
