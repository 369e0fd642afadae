import type { EventContract } from '../event-contract.js';
import type { AlertEvent, AlertEventType } from './alert-events.js';

/** The names alert stream events are stored under; never rename one (see incident contracts). */
const storedNames = {
  AlertEpisodeStarted: 'alert.episode-started.v1',
} as const satisfies { readonly [T in AlertEventType]: `alert.${string}.v${number}` };

const alertEventTypes = Object.keys(storedNames) as readonly AlertEventType[];

export const alertEventContracts: readonly EventContract<AlertEvent>[] = alertEventTypes.map((type) => ({
  type,
  storedName: storedNames[type],
}));
