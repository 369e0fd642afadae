import type { Projection } from './projection.js';
import { incidentProjection } from './incident/incident.projection.js';
import { incidentTimersProjection } from './timers/incident-timers.projection.js';

export const PROJECTIONS = Symbol('PROJECTIONS');

/** Every read model the projector keeps. */
export const ALL_PROJECTIONS: readonly Projection[] = [incidentProjection, incidentTimersProjection];
