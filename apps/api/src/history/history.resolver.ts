import { Inject } from '@nestjs/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import type { EventStore } from '#event-store';
import { QUERY_EVENT_STORE } from '#infrastructure';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import { ROLES, type Principal } from '../auth/principal.js';
import { Roles } from '../auth/roles.decorator.js';
import { ApiError } from '../errors/api-error.js';
import { toHistoryEvent } from './history-event.mapper.js';
import { HistoryEvent } from './history-event.type.js';
import { RecordEventsReader } from './record-events.reader.js';

/** History shows internal work notes and every actor, so requesters are refused it. */
const HISTORY_READERS = ROLES.filter((role) => role !== 'requester');

@Resolver(() => HistoryEvent)
export class HistoryResolver {
  constructor(
    private readonly events: RecordEventsReader,
    @Inject(QUERY_EVENT_STORE) private readonly eventStore: EventStore,
  ) {}

  @Query(() => [HistoryEvent], { description: 'Every event of a record of your tenant, oldest first, from the event store' })
  @Roles(...HISTORY_READERS)
  async history(
    @CurrentPrincipal() principal: Principal,
    @Args('recordId', { type: () => ID, description: 'The id (UUID) of a record of your tenant' }) recordId: string,
  ): Promise<HistoryEvent[]> {
    const events = await this.events.readAnyKind(principal.tenant, recordId);
    if (events.length === 0) throw new ApiError('NOT_FOUND', `No record ${recordId}`, { field: 'recordId' });
    const store = await this.eventStore.identity();
    return events.map((event) => toHistoryEvent(event, store));
  }
}
