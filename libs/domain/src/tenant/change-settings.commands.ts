import type { DomainCommand } from '../domain-command.js';

/** Replaces the whole change authority: who sits on the CAB, who approves emergency changes. */
export type ConfigureChangeAuthority = DomainCommand<
  'ConfigureChangeAuthority',
  { readonly cabMembers: readonly string[]; readonly emergencyApprovers: readonly string[] }
>;

/** `windowId` is given by the server, as record ids are. */
export type AddBlackoutWindow = DomainCommand<
  'AddBlackoutWindow',
  { readonly windowId: string; readonly name: string; readonly start: string; readonly end: string }
>;

export type RemoveBlackoutWindow = DomainCommand<'RemoveBlackoutWindow', { readonly windowId: string }>;

export type ChangeSettingsCommand = ConfigureChangeAuthority | AddBlackoutWindow | RemoveBlackoutWindow;
