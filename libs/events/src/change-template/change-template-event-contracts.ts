import type { EventContract } from '../event-contract.js';
import type { ChangeTemplateEvent, ChangeTemplateEventType } from './change-template-events.js';

/** The names template events are stored under; never rename one (see incident contracts). */
const storedNames = {
  ChangeTemplateCreated: 'change-template.created.v1',
  ChangeTemplateRevised: 'change-template.revised.v1',
  ChangeTemplateRetired: 'change-template.retired.v1',
} as const satisfies { readonly [T in ChangeTemplateEventType]: `change-template.${string}.v${number}` };

const changeTemplateEventTypes = Object.keys(storedNames) as readonly ChangeTemplateEventType[];

export const changeTemplateEventContracts: readonly EventContract<ChangeTemplateEvent>[] =
  changeTemplateEventTypes.map((type) => ({ type, storedName: storedNames[type] }));
