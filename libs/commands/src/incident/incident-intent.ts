import type {
  CloseIncident,
  FlagIncidentForFollowUp,
  IncidentCommand,
  OpenIncident,
  RecordIncidentSlaBreach,
  RecordIncidentSlaWarning,
  ReprioritizeIncident,
} from '#domain';

type Intent<C> = C extends IncidentCommand ? Omit<C, 'metadata'> : never;

/**
 * What a person or service asks of an existing incident: a domain command without what the
 * handler supplies (the clock, the tenant's SLA policy). Opening has its own fields, SLA
 * thresholds are the timer worker's, follow-up flags the change follow-up process's, and only people's manual close is offered here.
 */
export type IncidentIntent =
  | Intent<
      Exclude<
        IncidentCommand,
        | OpenIncident
        | ReprioritizeIncident
        | CloseIncident
        | RecordIncidentSlaWarning
        | RecordIncidentSlaBreach
        | FlagIncidentForFollowUp
      >
    >
  | { readonly type: 'ReprioritizeIncident'; readonly data: Omit<ReprioritizeIncident['data'], 'slaPolicy'> }
  | { readonly type: 'CloseIncident'; readonly data: { readonly automatic: false } };
