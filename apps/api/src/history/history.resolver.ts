import { Inject } from '@nestjs/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import type { EventStore } from '#event-store';
import { QUERY_EVENT_STORE } from '#infrastructure';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import { forbidden } from '../auth/forbidden.js';
import { hasAnyRole, type Principal, type Role } from '../auth/principal.js';
import { ApiError } from '../errors/api-error.js';
import type { RecordKind } from '#events';
import { CHANGE_READERS } from '../change/change-roles.js';
import { PROBLEM_READERS } from '../problem/problem-roles.js';
import { HISTORY_READERS } from './history-roles.js';
import { toHistoryEvent } from './history-event.mapper.js';
import { HistoryEvent } from './history-event.type.js';
import { RecordEventsReader } from './record-events.reader.js';

/** Who reads the history of each kind of record: everyone who reads the record itself, auditors always. */
const HISTORY_READERS_OF: { readonly [K in RecordKind]: readonly Role[] } = {
  incident: HISTORY_READERS,
  problem: PROBLEM_READERS,
  change: CHANGE_READERS,
  template: CHANGE_READERS,
  // Credentials: who made, rotated and revoked them is for the tenant's admins and auditors.
  'service-account': ['admin', 'auditor'],
};

@Resolver(() => HistoryEvent)
export class HistoryResolver {
  constructor(
    private readonly events: RecordEventsReader,
    @Inject(QUERY_EVENT_STORE) private readonly eventStore: EventStore,
  ) {}

  @Query(() => [HistoryEvent], { description: 'Every event of a record of your tenant, oldest first, from the event store' })
  async history(
    @CurrentPrincipal() principal: Principal,
    @Args('recordId', { type: () => ID, description: 'The id (UUID) of a record of your tenant' }) recordId: string,
  ): Promise<HistoryEvent[]> {
    const found = await this.events.readAnyKind(principal.tenant, recordId);
    if (!found) throw new ApiError('NOT_FOUND', `No record ${recordId}`, { field: 'recordId' });
    const { kind, events } = found;
    if (!hasAnyRole(principal, HISTORY_READERS_OF[kind])) {
      throw forbidden(principal, `Query.history(${kind})`, `You may not read the history of a ${kind}`);
    }
    const store = await this.eventStore.identity();
    return events.map((event) => toHistoryEvent(event, store));
  }
}
