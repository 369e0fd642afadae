import { Module, type DynamicModule } from '@nestjs/common';
import { Clock, RecordStates, SystemCommandSender, TenantSettingsService } from '#commands';
import type { AppConfig } from '#config';
import type { EventStore } from '#event-store';
import { APP_CONFIG, EVENT_STORE } from '#infrastructure';
import { projectionsFor, type Projection } from '#read-model';
import { problemFixProcessManager } from './problems/problem-fix-process-manager.js';
import { PROJECTION_STATUS } from './projection-status.js';
import { changeFollowUpProcessManager } from './changes/change-follow-up-process-manager.js';
import { ADDITIONAL_FOLLOWERS, PROCESS_MANAGERS, PROJECTIONS, ProjectorService } from './projector.service.js';
import {
  defaultIncidentTimerWorkerOptions,
  INCIDENT_TIMER_WORKER_OPTIONS,
  IncidentTimerWorker,
} from './timers/incident-timer-worker.js';

/**
 * Runs the projections, the process managers and the timer worker; imported by the projector
 * app, and by the api when it runs one in-process. The worker and the process managers send
 * commands, so the host also imports the global CommandsModule (system command sender, tenant
 * settings, record states and Clock), as the api does.
 */
@Module({
  providers: [
    { provide: PROJECTIONS, useFactory: (config: AppConfig) => projectionsFor(config), inject: [APP_CONFIG] },
    {
      provide: PROCESS_MANAGERS,
      useFactory: (store: EventStore, records: RecordStates, sender: SystemCommandSender, settings: TenantSettingsService, clock: Clock) => [
        problemFixProcessManager({ store, sender, settings, clock }),
        changeFollowUpProcessManager({ records, sender, clock }),
      ],
      inject: [EVENT_STORE, RecordStates, SystemCommandSender, TenantSettingsService, Clock],
    },
    ProjectorService,
    { provide: PROJECTION_STATUS, useExisting: ProjectorService },
    { provide: INCIDENT_TIMER_WORKER_OPTIONS, useValue: defaultIncidentTimerWorkerOptions },
    IncidentTimerWorker,
  ],
  exports: [ProjectorService, PROJECTION_STATUS],
})
export class ProjectorModule {
  /** With followers of the host's own beside the product's (each with its own checkpoint). */
  static forRoot(followers: readonly Projection[] = []): DynamicModule {
    return { module: ProjectorModule, providers: [{ provide: ADDITIONAL_FOLLOWERS, useValue: followers }] };
  }
}
