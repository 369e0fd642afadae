import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { ChangeSettingsService } from '#commands';
import { msPerDay, toEpochMs, windowsOverlap } from '#domain';
import type { BlackoutConflict, ScheduleConflict, TimeWindow } from '#events';
import { READ_MODEL_POOL } from '#infrastructure';
import { CHANGE_PROJECTION, listChangeSchedule, type ChangeRow } from '#read-model';
import { ApiError } from '../../errors/api-error.js';
import { ConsistencyService } from '../../read-model/consistency.service.js';

/** The longest range one schedule answer covers: a quarter, as change calendars show. */
export const MAX_SCHEDULE_DAYS = 92;

export interface ScheduleEntry {
  readonly row: ChangeRow;
  /** As things stand now: other changes on shared services, and blackout windows. */
  readonly conflicts: readonly ScheduleConflict[];
}

/**
 * The change schedule of a tenant: the changes planned into a range, each with what it conflicts
 * with now (a change canceled since no longer counts, a blackout added since does), for the
 * `changeSchedule` query and the iCalendar feed alike.
 */
@Injectable()
export class ChangeScheduleService {
  constructor(
    @Inject(READ_MODEL_POOL) private readonly pool: pg.Pool,
    private readonly consistency: ConsistencyService,
    private readonly settings: ChangeSettingsService,
  ) {}

  async entries(tenant: string, range: TimeWindow, serviceId?: string, consistentWith?: string): Promise<ScheduleEntry[]> {
    const span = toEpochMs(range.end) - toEpochMs(range.start);
    if (span <= 0) throw new ApiError('BAD_USER_INPUT', 'to must be after from', { field: 'to' });
    if (span > MAX_SCHEDULE_DAYS * msPerDay) {
      throw new ApiError('BAD_USER_INPUT', `A schedule covers at most ${MAX_SCHEDULE_DAYS} days`, { field: 'to' });
    }
    await this.consistency.waitFor(consistentWith, CHANGE_PROJECTION);
    const [rows, { blackoutWindows }] = await Promise.all([
      listChangeSchedule(this.pool, tenant, range, serviceId),
      this.settings.settings(tenant),
    ]);
    return rows.map(({ row, changeConflicts }) => {
      const { plannedStart, plannedEnd } = row.detail.change;
      const window = { start: plannedStart!, end: plannedEnd! };
      const blackouts = blackoutWindows
        .filter((blackout) => windowsOverlap(window, blackout))
        .map(({ windowId, name, start, end }): BlackoutConflict => ({ kind: 'BLACKOUT', windowId, name, start, end }));
      return { row, conflicts: [...changeConflicts, ...blackouts] };
    });
  }
}
