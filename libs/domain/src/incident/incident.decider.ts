import type { IncidentEvent } from '#events';
import type { Decider } from '../decider.js';
import type { IncidentCommand } from './incident.commands.js';
import { decideIncident } from './incident.decide.js';
import { evolveIncident, initialIncidentState, type IncidentState } from './incident.state.js';

export const incidentDecider: Decider<IncidentCommand, IncidentEvent, IncidentState> = {
  initialState: initialIncidentState,
  evolve: evolveIncident,
  decide: decideIncident,
};
