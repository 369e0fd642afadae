import { Module, type DynamicModule } from '@nestjs/common';
import type pg from 'pg';
import { Clock, RecordStates, TenantSettingsService } from '#commands';
import type { AppConfig } from '#config';
import { APP_CONFIG, PROJECTOR_POOL } from '#infrastructure';
import { projectionsFor, type Projection } from '#read-model';
import { PROJECTION_STATUS } from './projection-status.js';
import { ADDITIONAL_FOLLOWERS, REACTORS, PROJECTIONS, ProjectorService } from './projector.service.js';
import { changeFollowUpReactor } from './reactors/change-follow-up.reactor.js';
import { logReactor } from './reactors/log-reactor.js';
import { problemFixReactor } from './reactors/problem-fix.reactor.js';
import { ReactorEffectSender } from './reactors/reactor-effect-sender.js';
import {
  defaultIncidentTimerWorkerOptions,
  INCIDENT_TIMER_WORKER_OPTIONS,
  IncidentTimerWorker,
} from './timers/incident-timer-worker.js';

/**
 * Runs the projections, the reactors of the log and the timer worker; imported by the projector
 * app, and by the api when it runs one in-process. Reactors send commands, so the host also
 * imports the global CommandsModule (system command sender, tenant settings, record states and
 * Clock), as the api does.
 */
@Module({
  providers: [
    { provide: PROJECTIONS, useFactory: (config: AppConfig) => projectionsFor(config), inject: [APP_CONFIG] },
    ReactorEffectSender,
    {
      provide: REACTORS,
      useFactory: (pool: pg.Pool, effects: ReactorEffectSender, records: RecordStates, settings: TenantSettingsService, clock: Clock) => {
        const runtime = { pool, effects, clock };
        return [logReactor(problemFixReactor({ records, settings }), runtime), logReactor(changeFollowUpReactor(records), runtime)];
      },
      inject: [PROJECTOR_POOL, ReactorEffectSender, RecordStates, TenantSettingsService, Clock],
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
