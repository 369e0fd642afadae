import type { AlertEvent } from '#events';

/** Which incident an alert's repeats go to; episode 0 and no incident before its first alert. */
export interface AlertState {
  readonly episode: number;
  readonly incidentId: string | null;
}

export const initialAlertState: AlertState = { episode: 0, incidentId: null };

export function evolveAlert(_state: AlertState, event: AlertEvent): AlertState {
  switch (event.type) {
    case 'AlertEpisodeStarted':
      return { episode: event.data.episode, incidentId: event.data.incidentId };
  }
}
