import type { DomainCommand } from '../domain-command.js';

/**
 * Starts the next episode of an alert, with the incident it goes to, unless another command
 * already started one after `afterEpisode`: of many alerts racing to open an incident for the
 * same fingerprint, exactly one starts the episode, and all of them learn its incident.
 */
export type StartAlertEpisode = DomainCommand<
  'StartAlertEpisode',
  {
    readonly source: string;
    readonly fingerprint: string;
    readonly afterEpisode: number;
    readonly incidentId: string;
  }
>;

export type AlertCommand = StartAlertEpisode;
