import { MutationPayload } from '../../records/mutation-payload.type.js';
import { INCIDENT_NAMES } from './incident-names.js';
import { IncidentModel } from './incident.type.js';

/** What every incident mutation returns: `incidentId`, `version`, `position`, and the `incident`. */
export const IncidentPayload = MutationPayload(IncidentModel, INCIDENT_NAMES);
export type IncidentPayload = InstanceType<typeof IncidentPayload>;
