import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type pg from 'pg';
import { Clock } from '#commands';
import { reactToTimePassing } from '#domain';
import type { AppConfig } from '#config';
import { APP_CONFIG, PROJECTOR_POOL, READ_MODEL_URL } from '#infrastructure';
import { findDueIncidentTimerRows, nextIncidentTimerDue, rescheduleIncidentTimerRow, type IncidentTimerRow } from '#read-model';
import { abortableDelay } from '../abortable-delay.js';
import { whileLeader } from '../projection-leadership.js';
import { ReactorEffectSender } from '../reactors/reactor-effect-sender.js';

export interface IncidentTimerWorkerOptions {
  /** How often due rows are looked for; an event is appended at most this late. */
  readonly tickMs: number;
  /** Rows handled per tick, earliest first; the rest wait for the next tick. */
  readonly batchSize: number;
}

export const INCIDENT_TIMER_WORKER_OPTIONS = Symbol('INCIDENT_TIMER_WORKER_OPTIONS');

export const defaultIncidentTimerWorkerOptions: IncidentTimerWorkerOptions = { tickMs: 1_000, batchSize: 100 };

const ACTOR = 'system:sla-timer';

/**
 * The timer reactor's runtime: appends SLA warnings and breaches, and auto-closes, when they
 * fall due by the injected clock (reactToTimePassing over each due incident). One instance
 * leads across all processes. It may fire twice (a crash after appending, a row not yet updated
 * by the projection): its effects go out like every reactor's (ReactorEffectSender), under ids
 * naming what fell due and when, and the decider refuses what is already recorded, so every
 * firing after the first is a no-op.
 */
@Injectable()
export class IncidentTimerWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(IncidentTimerWorker.name);
  private readonly stop = new AbortController();
  private running: Promise<void> | undefined;

  constructor(
    @Inject(PROJECTOR_POOL) private readonly pool: pg.Pool,
    @Inject(READ_MODEL_URL) private readonly databaseUrl: string,
    @Inject(INCIDENT_TIMER_WORKER_OPTIONS) private readonly options: IncidentTimerWorkerOptions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly effects: ReactorEffectSender,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.running = whileLeader(this.databaseUrl, 'incident-timer-worker', this.stop.signal, (signal) => this.run(signal));
  }

  async onApplicationShutdown(): Promise<void> {
    this.stop.abort();
    await this.running;
  }

  private async run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      try {
        await this.tick(signal);
      } catch (error) {
        this.logger.error(`Timer tick failed: ${message(error)}`);
      }
      await abortableDelay(this.options.tickMs, signal);
    }
  }

  private async tick(signal: AbortSignal): Promise<void> {
    const now = this.clock.now();
    const rows = await findDueIncidentTimerRows(this.pool, now, this.options.batchSize);
    for (const row of rows) {
      if (signal.aborted) return;
      await this.fire(row, now);
    }
  }

  /** In order; a failure leaves the rest of this incident's commands to the next tick. */
  private async fire(row: IncidentTimerRow, now: Date): Promise<void> {
    const days = this.config.incidentAutoCloseDays;
    const commands = reactToTimePassing({ now: now.toISOString() }, { incident: row.incident, autoCloseAfterDays: days });
    if (commands.length === 0) {
      // Due by an older auto-close period: move the row to when it is due now, so it stops
      // taking a place in every tick's batch.
      await rescheduleIncidentTimerRow(this.pool, row, nextIncidentTimerDue(row.incident, days));
      return;
    }
    for (const { key, ...command } of commands) {
      try {
        // What fell due and when is the id itself: there is no cause event to derive it from.
        await this.effects.send({ command, commandId: key, actor: ACTOR });
      } catch (error) {
        this.logger.warn(`${key} failed, retrying next tick: ${message(error)}`);
        return;
      }
    }
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
