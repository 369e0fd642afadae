import type { AlertEvent } from '#events';
import { normalizeInstant } from '../instant.js';
import { requireText } from '../shared/input.guards.js';
import type { AlertCommand } from './alert.commands.js';
import type { AlertState } from './alert.state.js';

/** Nothing to do when another command started an episode meanwhile: its incident is the one. */
export function decideAlert(command: AlertCommand, state: AlertState): AlertEvent[] {
  const at = normalizeInstant(command.metadata.now);
  switch (command.type) {
    case 'StartAlertEpisode': {
      const { source, fingerprint, afterEpisode, incidentId } = command.data;
      if (state.episode !== afterEpisode) return [];
      return [
        {
          type: 'AlertEpisodeStarted',
          data: {
            source: requireText(source, 'source'),
            fingerprint: requireText(fingerprint, 'fingerprint'),
            episode: afterEpisode + 1,
            incidentId: requireText(incidentId, 'incidentId'),
            at,
          },
        },
      ];
    }
  }
}
