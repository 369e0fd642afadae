import { Module } from '@nestjs/common';
import { Clock, RecordStates, SystemCommandSender } from '#commands';
import type { AppConfig } from '#config';
import { APP_CONFIG } from '#infrastructure';
import { projectionsFor } from '#read-model';
import { PROJECTION_STATUS } from './projection-status.js';
import { changeFollowUpProcessManager } from './changes/change-follow-up-process-manager.js';
import { PROCESS_MANAGERS, PROJECTIONS, ProjectorService } from './projector.service.js';
import {
  defaultIncidentTimerWorkerOptions,
  INCIDENT_TIMER_WORKER_OPTIONS,
  IncidentTimerWorker,
} from './timers/incident-timer-worker.js';

/**
 * Runs the projections, the process managers and the timer worker; imported by the projector app,
 * and by the api when it runs one in-process. The worker and the process managers send commands,
 * so the host also imports the global CommandsModule (system command sender, record states and
 * Clock), as the api does.
 */
@Module({
  providers: [
    { provide: PROJECTIONS, useFactory: (config: AppConfig) => projectionsFor(config), inject: [APP_CONFIG] },
    {
      provide: PROCESS_MANAGERS,
      useFactory: (records: RecordStates, sender: SystemCommandSender, clock: Clock) => [
        changeFollowUpProcessManager({ records, sender, clock }),
      ],
      inject: [RecordStates, SystemCommandSender, Clock],
    },
    ProjectorService,
    { provide: PROJECTION_STATUS, useExisting: ProjectorService },
    { provide: INCIDENT_TIMER_WORKER_OPTIONS, useValue: defaultIncidentTimerWorkerOptions },
    IncidentTimerWorker,
  ],
  exports: [ProjectorService, PROJECTION_STATUS],
})
export class ProjectorModule {}
