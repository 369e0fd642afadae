import { Controller, Get, Header, Optional } from '@nestjs/common';
import { ProjectorService } from '../../../projector/src/projector.service.js';
import { Metrics } from './metrics.js';

/** Prometheus scrape endpoint; includes the projections when the projector runs in this process. */
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    @Optional() projector?: ProjectorService,
  ) {
    if (projector) metrics.watchProjections(projector);
  }

  @Get()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  async scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
