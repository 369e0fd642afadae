import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { ChangeRecords } from '#commands';
import { CurrentPrincipal } from '../../auth/current-principal.decorator.js';
import type { Principal } from '../../auth/principal.js';
import { RecordCommandDispatcher } from '../../common/record-command.dispatcher.js';
import {
  CancelChangeInput,
  CompleteChangeImplementationInput,
  CompleteChangeReviewInput,
  ScheduleChangeInput,
  StartChangeImplementationInput,
} from './change-delivery.input.js';
import { ChangePayload } from './change-payload.js';

/** Planning, implementing, reviewing and cancelling. */
@Resolver()
export class ChangeDeliveryResolver {
  constructor(
    private readonly commands: RecordCommandDispatcher,
    private readonly records: ChangeRecords,
  ) {}

  @Mutation(() => ChangePayload, { description: 'Set the planned window; STANDARD: NEW -> SCHEDULED, refused with SCHEDULE_CONFLICT on any conflict' })
  scheduleChange(@CurrentPrincipal() principal: Principal, @Args('input', { description: 'The change and its window' }) input: ScheduleChangeInput) {
    const { plannedStart, plannedEnd } = input;
    return this.commands.send(this.records.change, principal, input, { type: 'ScheduleChange', data: { plannedStart, plannedEnd } });
  }

  @Mutation(() => ChangePayload, { description: 'SCHEDULED -> IMPLEMENT; records the actual start' })
  startChangeImplementation(@CurrentPrincipal() principal: Principal, @Args('input', { description: 'The change' }) input: StartChangeImplementationInput) {
    return this.commands.send(this.records.change, principal, input, { type: 'StartChangeImplementation', data: {} });
  }

  @Mutation(() => ChangePayload, { description: 'IMPLEMENT -> REVIEW; records the actual end and close code' })
  completeChangeImplementation(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'The change and how it went' }) input: CompleteChangeImplementationInput,
  ) {
    const { closeCode, closeNotes } = input;
    return this.commands.send(this.records.change, principal, input, { type: 'CompleteChangeImplementation', data: { closeCode, closeNotes } });
  }

  @Mutation(() => ChangePayload, { description: 'REVIEW -> CLOSED with the post-implementation review' })
  completeChangeReview(@CurrentPrincipal() principal: Principal, @Args('input', { description: 'The change and its review' }) input: CompleteChangeReviewInput) {
    return this.commands.send(this.records.change, principal, input, { type: 'CompleteChangeReview', data: { reviewNotes: input.reviewNotes } });
  }

  @Mutation(() => ChangePayload, { description: 'Any state but REVIEW and CLOSED -> CANCELED' })
  cancelChange(@CurrentPrincipal() principal: Principal, @Args('input', { description: 'The change and why' }) input: CancelChangeInput) {
    return this.commands.send(this.records.change, principal, input, { type: 'CancelChange', data: { reason: input.reason } });
  }
}
