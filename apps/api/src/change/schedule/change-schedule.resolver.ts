import { Args, Field, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../../auth/current-principal.decorator.js';
import type { Principal } from '../../auth/principal.js';
import { DateTimeScalar } from '../../graphql/date-time.scalar.js';
import { toChangeModel, toScheduleConflict } from '../graphql/change.mapper.js';
import { ChangeModel, ScheduleConflict } from '../graphql/change.type.js';
import { ChangeScheduleService, MAX_SCHEDULE_DAYS } from './change-schedule.service.js';

@ObjectType({ description: 'A change on the schedule, with what its window conflicts with now' })
export class ChangeScheduleEntry {
  @Field(() => ChangeModel, { description: 'The change' }) change!: ChangeModel;
  @Field(() => [ScheduleConflict], { description: 'Other changes on shared services with overlapping windows, then blackout windows it overlaps' })
  conflicts!: ScheduleConflict[];
}

@Resolver()
export class ChangeScheduleResolver {
  constructor(private readonly schedule: ChangeScheduleService) {}

  @Query(() => [ChangeScheduleEntry], {
    description: `Changes whose planned window overlaps the range (at most ${MAX_SCHEDULE_DAYS} days), by start; canceled ones are left out`,
  })
  async changeSchedule(
    @CurrentPrincipal() principal: Principal,
    @Args('from', { type: () => DateTimeScalar, description: 'Start of the range' }) from: string,
    @Args('to', { type: () => DateTimeScalar, description: 'End of the range' }) to: string,
    @Args('serviceId', { type: () => String, nullable: true, description: 'Only changes affecting this service' }) serviceId?: string | null,
    @Args('consistentWith', { type: () => String, nullable: true, description: 'A position a mutation returned: wait (up to 5 s) until read models include it' })
    consistentWith?: string | null,
  ): Promise<ChangeScheduleEntry[]> {
    const entries = await this.schedule.entries(principal.tenant, { start: from, end: to }, serviceId ?? undefined, consistentWith ?? undefined);
    return entries.map(({ row, conflicts }) => ({ change: toChangeModel(row), conflicts: conflicts.map(toScheduleConflict) }));
  }
}
