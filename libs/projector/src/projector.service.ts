import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type pg from 'pg';
import type { EventStore } from '#event-store';
import { EVENT_STORE, PROJECTOR_POOL, READ_MODEL_URL } from '#infrastructure';
import { whileLeader } from './projection-leadership.js';
import { ProjectionRunner } from './projection-runner.js';
import type { ProjectionStatus, ProjectionStatusSource } from './projection-status.js';
import type { Projection } from '#read-model';

/** The projections the projector runs: every read model, from `projectionsFor`. */
export const PROJECTIONS = Symbol('PROJECTIONS');

/** Starts every registered projection (as leader or standby) and stops them on shutdown. */
@Injectable()
export class ProjectorService implements OnApplicationBootstrap, OnApplicationShutdown, ProjectionStatusSource {
  private readonly logger = new Logger(ProjectorService.name);
  private readonly stop = new AbortController();
  private readonly runners: ProjectionRunner[];
  private running: Promise<void>[] = [];

  constructor(
    @Inject(EVENT_STORE) eventStore: EventStore,
    @Inject(PROJECTOR_POOL) pool: pg.Pool,
    @Inject(READ_MODEL_URL) private readonly databaseUrl: string,
    @Inject(PROJECTIONS) private readonly projections: readonly Projection[],
  ) {
    this.runners = projections.map((projection) => new ProjectionRunner(projection, eventStore, pool));
  }

  onApplicationBootstrap(): void {
    this.running = this.projections.map((projection, index) =>
      whileLeader(this.databaseUrl, projection.name, this.stop.signal, (signal) => this.runners[index]!.run(signal)),
    );
    this.logger.log(`Projector started: ${this.projections.map((projection) => projection.name).join(', ')}`);
  }

  status(): ProjectionStatus[] {
    return this.runners.map((runner) => runner.status());
  }

  async onApplicationShutdown(): Promise<void> {
    this.stop.abort();
    await Promise.all(this.running);
  }
}
