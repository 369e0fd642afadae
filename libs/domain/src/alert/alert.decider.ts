import type { AlertEvent } from '#events';
import type { Decider } from '../decider.js';
import type { AlertCommand } from './alert.commands.js';
import { decideAlert } from './alert.decide.js';
import { evolveAlert, initialAlertState, type AlertState } from './alert.state.js';

export const alertDecider: Decider<AlertCommand, AlertEvent, AlertState> = {
  version: 1,
  initialState: initialAlertState,
  evolve: evolveAlert,
  decide: decideAlert,
};
