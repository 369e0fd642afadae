import { Module } from '@nestjs/common';
import { Clock, SystemCommandSender, TenantSettingsService } from '#commands';
import type { AppConfig } from '#config';
import type { EventStore } from '#event-store';
import { APP_CONFIG, EVENT_STORE } from '#infrastructure';
import { projectionsFor } from '#read-model';
import { problemFixProcessManager } from './problems/problem-fix-process-manager.js';
import { PROJECTION_STATUS } from './projection-status.js';
import { PROJECTIONS, ProjectorService } from './projector.service.js';
import {
  defaultIncidentTimerWorkerOptions,
  INCIDENT_TIMER_WORKER_OPTIONS,
  IncidentTimerWorker,
} from './timers/incident-timer-worker.js';

/**
 * Runs the projections, the process managers and the timer worker; imported by the projector app, and by the api when
 * it runs one in-process. The worker sends commands, so the host also imports the global
 * CommandsModule (system command sender and Clock), as the api does.
 */
@Module({
  providers: [
    {
      provide: PROJECTIONS,
      // Read models, then the process managers, which the same runner drives from their own checkpoints.
      useFactory: (config: AppConfig, store: EventStore, sender: SystemCommandSender, settings: TenantSettingsService, clock: Clock) => [
        ...projectionsFor(config),
        problemFixProcessManager({ store, sender, settings, clock }),
      ],
      inject: [APP_CONFIG, EVENT_STORE, SystemCommandSender, TenantSettingsService, Clock],
    },
    ProjectorService,
    { provide: PROJECTION_STATUS, useExisting: ProjectorService },
    { provide: INCIDENT_TIMER_WORKER_OPTIONS, useValue: defaultIncidentTimerWorkerOptions },
    IncidentTimerWorker,
  ],
  exports: [ProjectorService, PROJECTION_STATUS],
})
export class ProjectorModule {}
