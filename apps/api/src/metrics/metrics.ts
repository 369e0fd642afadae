import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { ProjectionStatusSource } from '#projector';

/** The process's Prometheus metrics, served at /metrics. */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  readonly graphqlOperations = new Counter({
    name: 'itsm_graphql_operations_total',
    help: 'GraphQL operations answered, by operation name, type and outcome code (OK when no error)',
    labelNames: ['operation', 'type', 'code'] as const,
    registers: [this.registry],
  });

  readonly graphqlDuration = new Histogram({
    name: 'itsm_graphql_operation_duration_seconds',
    help: 'Time from receiving a GraphQL operation to sending its response',
    labelNames: ['operation', 'type'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'itsm_' });
  }

  /** Projection gauges, read from the projector's own status when it runs in this process. */
  watchProjections(source: ProjectionStatusSource): void {
    new Gauge({
      name: 'itsm_projection_events_applied',
      help: 'Events a projection has applied since this process started',
      labelNames: ['projection'] as const,
      registers: [this.registry],
      collect() {
        for (const status of source.status()) this.set({ projection: status.projection }, status.eventsApplied);
      },
    });
    new Gauge({
      name: 'itsm_projection_failing',
      help: '1 while a projection is retrying after a failure, else 0',
      labelNames: ['projection'] as const,
      registers: [this.registry],
      collect() {
        for (const status of source.status()) this.set({ projection: status.projection }, status.lastError ? 1 : 0);
      },
    });
  }
}
