import type { ChangeSettingsEvent } from '#events';
import { requireIdList, requireInstant } from '../change/change.guards.js';
import { DomainError } from '../domain-error.js';
import { requireText } from '../shared/input.guards.js';
import { normalizeInstant, toEpochMs } from '../instant.js';
import type { ChangeSettingsCommand } from './change-settings.commands.js';
import type { ChangeSettingsState } from './change-settings.state.js';

/** A CAB larger than this is a mailing list; every member is asked in every round. */
export const maxApprovers = 50;

/** Input first (BAD_USER_INPUT), then whether it fits (NOT_FOUND, INVALID_TRANSITION). */
export function decideChangeSettings(command: ChangeSettingsCommand, state: ChangeSettingsState): ChangeSettingsEvent[] {
  const at = normalizeInstant(command.metadata.now);
  switch (command.type) {
    case 'ConfigureChangeAuthority': {
      const cabMembers = requireIdList(command.data.cabMembers, 'cabMembers', maxApprovers);
      const emergencyApprovers = requireIdList(command.data.emergencyApprovers, 'emergencyApprovers', maxApprovers);
      const current = state.changeAuthority;
      if (sameList(current.cabMembers, cabMembers) && sameList(current.emergencyApprovers, emergencyApprovers)) {
        throw DomainError.invalidTransition('The tenant already has this change authority');
      }
      return [{ type: 'ChangeAuthorityConfigured', data: { cabMembers, emergencyApprovers, at } }];
    }
    case 'AddBlackoutWindow': {
      const windowId = requireText(command.data.windowId, 'windowId');
      const name = requireText(command.data.name, 'name');
      const start = requireInstant(command.data.start, 'start');
      const end = requireInstant(command.data.end, 'end');
      if (toEpochMs(end) <= toEpochMs(start)) throw DomainError.badUserInput('end', 'end must be after start');
      if (state.blackoutWindows.some((window) => window.windowId === windowId)) {
        throw DomainError.invalidTransition(`Blackout window ${windowId} already exists`);
      }
      return [{ type: 'BlackoutWindowAdded', data: { windowId, name, start, end, at } }];
    }
    case 'RemoveBlackoutWindow': {
      const { windowId } = command.data;
      if (!state.blackoutWindows.some((window) => window.windowId === windowId)) {
        throw DomainError.notFound(`No blackout window ${windowId}`);
      }
      return [{ type: 'BlackoutWindowRemoved', data: { windowId, at } }];
    }
  }
}

/** Order does not matter: a CAB is a set. */
function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
}
