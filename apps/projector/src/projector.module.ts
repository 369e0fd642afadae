import { Module } from '@nestjs/common';
import { ProjectorService } from './projector.service.js';
import { ALL_PROJECTIONS, PROJECTIONS } from './projections.js';
import {
  defaultIncidentTimerWorkerOptions,
  INCIDENT_TIMER_WORKER_OPTIONS,
  IncidentTimerWorker,
} from './timers/incident-timer-worker.js';

/**
 * Runs the projections and the timer worker; imported by the projector app, and by the api when
 * it runs one in-process. The worker sends commands, so the host also imports the global
 * CommandsModule (executor and Clock), as the api does.
 */
@Module({
  providers: [
    { provide: PROJECTIONS, useValue: ALL_PROJECTIONS },
    ProjectorService,
    { provide: INCIDENT_TIMER_WORKER_OPTIONS, useValue: defaultIncidentTimerWorkerOptions },
    IncidentTimerWorker,
  ],
  exports: [ProjectorService],
})
export class ProjectorModule {}
