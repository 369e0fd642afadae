import type { IncidentEvent } from '#events';
import type { Decider } from '../decider.js';
import type { IncidentCommand } from './incident.commands.js';
import { decideIncident } from './incident.decide.js';
import { evolveIncident, initialIncidentState, type IncidentState } from './incident.state.js';

export const incidentDecider: Decider<IncidentCommand, IncidentEvent, IncidentState> = {
  // 2: work notes and comments left the state (decide never read them; the read model keeps them).
  // 3: the alert that opened it, with its occurrences.
  // 4: follow-up flags from changes that closed UNSUCCESSFUL.
  version: 4,
  initialState: initialIncidentState,
  evolve: evolveIncident,
  decide: decideIncident,
};
