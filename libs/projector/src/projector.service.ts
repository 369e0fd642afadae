import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type pg from 'pg';
import type { EventStore, Position } from '#event-store';
import { EVENT_STORE, PROJECTOR_POOL, READ_MODEL_URL } from '#infrastructure';
import { whileLeader } from './projection-leadership.js';
import { rebuildBesideIfOutdated } from './projection-rebuild-beside.js';
import { LogReader } from './log-reader.js';
import { ProjectionRunner } from './projection-runner.js';
import type { ProjectionStatus, ProjectionStatusSource } from './projection-status.js';
import type { Projection, VersionedProjection } from '#read-model';

/** The projections the projector runs: every read model, from `projectionsFor`. */
export const PROJECTIONS = Symbol('PROJECTIONS');

/**
 * Reactors: followers of the log like projections, with a checkpoint of their own, but acting on
 * records instead of building tables. Never rebuilt: a replay would act again.
 */
export const REACTORS = Symbol('REACTORS');

/** Followers a host adds to the product's own (ProjectorModule.forRoot), run like reactors. */
export const ADDITIONAL_FOLLOWERS = Symbol('ADDITIONAL_FOLLOWERS');

/** Starts every registered projection and reactor (as leader or standby) and stops them on shutdown. */
@Injectable()
export class ProjectorService implements OnApplicationBootstrap, OnApplicationShutdown, ProjectionStatusSource {
  private readonly logger = new Logger(ProjectorService.name);
  private readonly stop = new AbortController();
  /** The reactors and the host's own followers: everything but the projections, which are versioned. */
  private readonly others: readonly Projection[];
  private readonly reader: LogReader;
  private readonly runners: ProjectionRunner[];
  /** The runner of a rebuild under way, by projection index; reported instead of the live one. */
  private readonly rebuilding = new Map<number, ProjectionRunner>();
  private running: Promise<void>[] = [];

  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(PROJECTOR_POOL) private readonly pool: pg.Pool,
    @Inject(READ_MODEL_URL) private readonly databaseUrl: string,
    @Inject(PROJECTIONS) private readonly projections: readonly VersionedProjection[],
    @Inject(REACTORS) reactors: readonly Projection[],
    @Inject(ADDITIONAL_FOLLOWERS) additional: readonly Projection[],
  ) {
    this.others = [...reactors, ...additional];
    // One reader of the log for every follower this process leads.
    this.reader = new LogReader(eventStore);
    this.runners = [...projections, ...this.others].map(
      (projection) => new ProjectionRunner(projection, eventStore, pool, { reader: this.reader }),
    );
  }

  onApplicationBootstrap(): void {
    const followers = [...this.projections, ...this.others];
    this.running = followers.map((follower, index) =>
      whileLeader(this.databaseUrl, follower.name, this.stop.signal, async (signal) => {
        const projection = this.projections[index];
        if (projection) {
          await rebuildBesideIfOutdated(projection, this.eventStore, this.pool, signal, (runner) =>
            runner ? this.rebuilding.set(index, runner) : this.rebuilding.delete(index),
          );
        }
        if (!signal.aborted) await this.runners[index]!.run(signal);
      }),
    );
    this.logger.log(`Projector started: ${followers.map((follower) => follower.name).join(', ')}`);
  }

  status(): ProjectionStatus[] {
    return this.runners.map((runner, index) => (this.rebuilding.get(index) ?? runner).status());
  }

  hasPassed(projection: string, position: Position): boolean {
    return this.runners.some((runner) => runner.name === projection && runner.hasPassed(position));
  }

  async onApplicationShutdown(): Promise<void> {
    this.stop.abort();
    await Promise.all(this.running);
    await this.reader.stop();
  }
}
