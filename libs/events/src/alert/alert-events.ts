import type { DomainEvent } from '../domain-event.js';

/**
 * The events of an alert's own stream (`alert-<tenant>-<uuid>`, one per source and fingerprint):
 * only which incident the alert's repeats go to. Each episode is one incident; a new one starts
 * when the alert comes back after its incident was resolved, closed or canceled.
 */
export type AlertEpisodeStarted = DomainEvent<
  'AlertEpisodeStarted',
  {
    readonly source: string;
    readonly fingerprint: string;
    /** 1 for the first alert of the fingerprint, then one more each time it comes back. */
    readonly episode: number;
    readonly incidentId: string;
    readonly at: string;
  }
>;

export type AlertEvent = AlertEpisodeStarted;

export type AlertEventType = AlertEvent['type'];
