import type { AppConfig } from '#config';
import type { VersionedProjection } from './projection.js';
import { incidentProjection } from './incident/incident.projection.js';
import { incidentTimersProjection } from './incident/incident-timers.projection.js';
import { problemProjection } from './problem/problem.projection.js';
import { serviceAccountProjection } from './service-account/service-account.projection.js';
import { changeProjection } from './change/change.projection.js';
import { changeTemplateProjection } from './change-template/change-template.projection.js';

/** Every read model the projector keeps. */
export function projectionsFor(config: Pick<AppConfig, 'incidentAutoCloseDays'>): readonly VersionedProjection[] {
  return [
    incidentProjection,
    incidentTimersProjection(config.incidentAutoCloseDays),
    problemProjection,
    serviceAccountProjection,
    changeProjection,
    changeTemplateProjection,
  ];
}
