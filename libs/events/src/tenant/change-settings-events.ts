import type { DomainEvent } from '../domain-event.js';

/**
 * Who authorises changes in a tenant, by subject id. Holds the whole authority, not a diff, so
 * the last such event alone is the current one. Rounds already started keep their approvers.
 */
export type ChangeAuthorityConfigured = DomainEvent<
  'ChangeAuthorityConfigured',
  { readonly cabMembers: readonly string[]; readonly emergencyApprovers: readonly string[]; readonly at: string }
>;

/** A freeze: changes planned into it conflict (a warning, or a refusal for STANDARD ones). */
export type BlackoutWindowAdded = DomainEvent<
  'BlackoutWindowAdded',
  { readonly windowId: string; readonly name: string; readonly start: string; readonly end: string; readonly at: string }
>;

export type BlackoutWindowRemoved = DomainEvent<'BlackoutWindowRemoved', { readonly windowId: string; readonly at: string }>;

export type ChangeSettingsEvent = ChangeAuthorityConfigured | BlackoutWindowAdded | BlackoutWindowRemoved;

export type ChangeSettingsEventType = ChangeSettingsEvent['type'];
