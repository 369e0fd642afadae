import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import ical, { ICalEventStatus } from 'ical-generator';
import { msPerDay, toInstant } from '#domain';
import { Clock } from '#commands';
import { InvalidTokenError } from '../../auth/invalid-token.error.js';
import { hasAnyRole, type Principal } from '../../auth/principal.js';
import { TokenVerifier } from '../../auth/token-verifier.js';
import { ApiError } from '../../errors/api-error.js';
import { CHANGE_READERS } from '../change-roles.js';
import { ChangeScheduleService, type ScheduleEntry } from './change-schedule.service.js';

/** What a subscribed calendar shows unless asked otherwise: the last two weeks and the next eleven. */
const DEFAULT_PAST_DAYS = 14;
const DEFAULT_FUTURE_DAYS = 77;

/**
 * The change schedule as an iCalendar feed (RFC 5545), for calendar applications to subscribe
 * to: one event per planned change, its conflicts in the description. Authenticated like the API
 * (a bearer token); refusals are JSON in the API's error shape (see GraphQLExceptionPassthrough).
 */
@Controller('calendar')
export class ChangeCalendarController {
  constructor(
    private readonly tokens: TokenVerifier,
    private readonly schedule: ChangeScheduleService,
    private readonly clock: Clock,
  ) {}

  @Get('changes.ics')
  async changes(
    @Headers('authorization') authorization: string | undefined,
    @Query('from') from: string | undefined,
    @Query('to') to: string | undefined,
    @Query('serviceId') serviceId: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const principal = await this.authenticate(authorization);
    const now = this.clock.now().getTime();
    const range = {
      start: instant(from, 'from') ?? toInstant(now - DEFAULT_PAST_DAYS * msPerDay),
      end: instant(to, 'to') ?? toInstant(now + DEFAULT_FUTURE_DAYS * msPerDay),
    };
    const entries = await this.schedule.entries(principal.tenant, range, serviceId || undefined);
    response.type('text/calendar; charset=utf-8');
    return calendarOf(principal.tenant, entries).toString();
  }

  private async authenticate(authorization: string | undefined): Promise<Principal> {
    let principal: Principal;
    try {
      if (!authorization) throw InvalidTokenError.missing();
      principal = await this.tokens.verify(authorization);
    } catch (error) {
      if (!(error instanceof InvalidTokenError)) throw error;
      throw new ApiError('UNAUTHENTICATED', error.message, { reason: error.reason });
    }
    if (!hasAnyRole(principal, CHANGE_READERS)) throw new ApiError('FORBIDDEN', `This needs one of the roles: ${CHANGE_READERS.join(', ')}`);
    return principal;
  }
}

function calendarOf(tenant: string, entries: readonly ScheduleEntry[]) {
  const calendar = ical({ name: `Change schedule (${tenant})`, prodId: { company: 'itsm-backend', product: 'change-schedule' } });
  for (const { row, conflicts } of entries) {
    const change = row.detail.change;
    const conflictLines = conflicts.map((conflict) =>
      conflict.kind === 'CHANGE' ? `Conflicts with ${conflict.number} on ${conflict.serviceIds.join(', ')}` : `Inside blackout window "${conflict.name}"`,
    );
    calendar.createEvent({
      id: `${row.id}@changes`,
      start: new Date(change.plannedStart!),
      end: new Date(change.plannedEnd!),
      stamp: new Date(row.updatedAt),
      summary: `${change.number} ${change.title}`,
      description: [`${change.type} change, ${change.status}, risk ${change.risk}`, `Services: ${change.serviceIds.join(', ') || 'none'}`, ...conflictLines].join('\n'),
      categories: [{ name: change.type }],
      status: change.status === 'NEW' || change.status === 'ASSESS' || change.status === 'AUTHORIZE' ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
      // Each event of the record bumps the version, so calendars replace what they showed.
      sequence: Number(row.version),
    });
  }
  return calendar;
}

function instant(value: string | undefined, field: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new ApiError('BAD_USER_INPUT', `${field} must be an ISO-8601 date-time`, { field });
  return toInstant(ms);
}
