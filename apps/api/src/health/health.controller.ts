import { Controller, Get, HttpCode, Inject, Optional, Res } from '@nestjs/common';
import type { Response } from 'express';
import type pg from 'pg';
import type { EventStore } from '#event-store';
import { EVENT_STORE, READ_MODEL_POOL } from '#infrastructure';
import { PROJECTION_STATUS, type ProjectionStatusSource } from '#projector';

type Check = 'up' | 'down';

/** Liveness and readiness in one: 200 when the stores answer, 503 (with what is down) when not. */
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(READ_MODEL_POOL) private readonly pool: pg.Pool,
    @Optional() @Inject(PROJECTION_STATUS) private readonly projections?: ProjectionStatusSource,
  ) {}

  @Get()
  @HttpCode(200)
  async health(@Res({ passthrough: true }) response: Response) {
    const [eventStore, readModel] = await Promise.all([this.checkEventStore(), this.checkReadModel()]);
    const status = eventStore === 'up' && readModel === 'up' ? 'ok' : 'degraded';
    if (status !== 'ok') response.status(503);
    return { status, eventStore, readModel, projections: this.projections?.status() ?? [] };
  }

  private async checkEventStore(): Promise<Check> {
    try {
      // Not a read of the newest event: that may be one of the store's own, or a foreign one.
      await this.eventStore.ping();
      return 'up';
    } catch {
      return 'down';
    }
  }

  private async checkReadModel(): Promise<Check> {
    try {
      await this.pool.query('SELECT 1');
      return 'up';
    } catch {
      return 'down';
    }
  }
}
