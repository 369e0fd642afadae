import type { AssessChangeRisk, ChangeCommand, RequestChange, ScheduleChange, SubmitChange } from '#domain';

type Intent<C> = C extends ChangeCommand ? Omit<C, 'metadata'> : never;

/**
 * What a person or service asks of an existing change: a domain command without what the server
 * supplies (the clock, the tenant's change authority, the calendar of other changes).
 */
export type ChangeIntent =
  | Intent<Exclude<ChangeCommand, RequestChange | SubmitChange | AssessChangeRisk | ScheduleChange>>
  | { readonly type: 'SubmitChange'; readonly data: Readonly<Record<string, never>> }
  | { readonly type: 'AssessChangeRisk'; readonly data: Omit<AssessChangeRisk['data'], 'authority'> }
  | { readonly type: 'ScheduleChange'; readonly data: Omit<ScheduleChange['data'], 'calendar'> };

/** What the caller decides when requesting; the server adds the id, tenant, number, requester and template. */
export type RequestChangeFields = Omit<RequestChange['data'], 'changeId' | 'tenant' | 'number' | 'requestedBy' | 'template'> & {
  readonly templateId?: string;
};
