import type { ChangeSettingsEvent } from '#events';
import type { BlackoutWindow } from '../change/schedule-conflicts.js';

/** Who authorises changes, by subject id. */
export interface ChangeAuthority {
  readonly cabMembers: readonly string[];
  readonly emergencyApprovers: readonly string[];
}

/** A tenant's change configuration; a new tenant has no approvers and no freezes. */
export interface ChangeSettingsState {
  readonly changeAuthority: ChangeAuthority;
  /** By start. */
  readonly blackoutWindows: readonly BlackoutWindow[];
}

export const initialChangeSettingsState: ChangeSettingsState = {
  changeAuthority: { cabMembers: [], emergencyApprovers: [] },
  blackoutWindows: [],
};

export function evolveChangeSettings(state: ChangeSettingsState, event: ChangeSettingsEvent): ChangeSettingsState {
  switch (event.type) {
    case 'ChangeAuthorityConfigured': {
      const { cabMembers, emergencyApprovers } = event.data;
      return { ...state, changeAuthority: { cabMembers, emergencyApprovers } };
    }
    case 'BlackoutWindowAdded': {
      const { windowId, name, start, end } = event.data;
      const blackoutWindows = [...state.blackoutWindows, { windowId, name, start, end }];
      return { ...state, blackoutWindows: blackoutWindows.sort((a, b) => a.start.localeCompare(b.start)) };
    }
    case 'BlackoutWindowRemoved':
      return { ...state, blackoutWindows: state.blackoutWindows.filter((window) => window.windowId !== event.data.windowId) };
  }
}
