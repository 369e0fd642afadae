import type { DomainEvent } from '../domain-event.js';
import type { ChangePlan, ChangeRisk } from '../change/change-vocabulary.js';
import type { Level } from '../shared/priority-vocabulary.js';

/**
 * What a standard change template pre-approves: the plan, the services it may touch and its
 * risk. Every revision holds the whole content, so a version is read from one event.
 */
export type ChangeTemplateContent = ChangePlan & {
  readonly name: string;
  readonly description: string;
  readonly serviceIds: readonly string[];
  readonly risk: ChangeRisk;
  readonly impact: Level;
};

/** Version 1 of the template. */
export type ChangeTemplateCreated = DomainEvent<
  'ChangeTemplateCreated',
  ChangeTemplateContent & {
    readonly templateId: string;
    readonly tenant: string;
    readonly number: string;
    readonly at: string;
  }
>;

/** A new version; changes made from earlier versions keep the version they used. */
export type ChangeTemplateRevised = DomainEvent<
  'ChangeTemplateRevised',
  ChangeTemplateContent & { readonly version: number; readonly at: string }
>;

/** No more changes may be made from it; those already made are untouched. */
export type ChangeTemplateRetired = DomainEvent<
  'ChangeTemplateRetired',
  { readonly reason: string; readonly at: string }
>;

export type ChangeTemplateEvent = ChangeTemplateCreated | ChangeTemplateRevised | ChangeTemplateRetired;

export type ChangeTemplateEventType = ChangeTemplateEvent['type'];
