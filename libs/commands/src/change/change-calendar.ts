import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import type { ChangeCalendar } from '#domain';
import { READ_MODEL_POOL } from '#infrastructure';
import { plannedChangesOverlapping } from '#read-model';
import { ChangeSettingsService } from './change-settings.service.js';

/**
 * What a window is checked against when a change is scheduled: the other planned changes as the
 * read model shows them (a change scheduled a moment ago elsewhere may not be there yet, as in
 * any ITSM tool) and the tenant's blackout windows.
 */
@Injectable()
export class ChangeCalendarService {
  constructor(
    @Inject(READ_MODEL_POOL) private readonly pool: pg.Pool,
    private readonly settings: ChangeSettingsService,
  ) {}

  async around(tenant: string, plannedStart: string, plannedEnd: string): Promise<ChangeCalendar> {
    const start = Date.parse(plannedStart);
    const end = Date.parse(plannedEnd);
    // An unreadable window is refused by the decider before it looks at the calendar.
    if (Number.isNaN(start) || Number.isNaN(end) || end <= start) return { changes: [], blackoutWindows: [] };
    const window = { start: new Date(start).toISOString(), end: new Date(end).toISOString() };
    const [changes, { blackoutWindows }] = await Promise.all([
      plannedChangesOverlapping(this.pool, tenant, window),
      this.settings.settings(tenant),
    ]);
    return { changes, blackoutWindows };
  }
}
