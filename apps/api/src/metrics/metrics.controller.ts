import { Controller, Get, Header, Inject, Optional } from '@nestjs/common';
import { PROJECTION_STATUS, type ProjectionStatusSource } from '#projector';
import { Metrics } from './metrics.js';

/** Prometheus scrape endpoint; includes the projections when the projector runs in this process. */
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    @Optional() @Inject(PROJECTION_STATUS) projections?: ProjectionStatusSource,
  ) {
    if (projections) metrics.watchProjections(projections);
  }

  @Get()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  async scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
