import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { ChangeRecords } from '#commands';
import { CurrentPrincipal } from '../../auth/current-principal.decorator.js';
import type { Principal } from '../../auth/principal.js';
import { RecordCommandDispatcher } from '../../common/record-command.dispatcher.js';
import { givenContent } from './change-content.input.js';
import { LinkChangeToIncidentInput, LinkChangeToProblemInput } from './change-delivery.input.js';
import { ChangePayload } from './change-payload.js';
import { RequestChangeInput, SetChangeTypeInput, SubmitChangeInput, UpdateChangeDetailsInput } from './change-request.input.js';

/** Raising a change and shaping it before authorisation. */
@Resolver()
export class ChangeRequestResolver {
  constructor(
    private readonly commands: RecordCommandDispatcher,
    private readonly records: ChangeRecords,
  ) {}

  @Mutation(() => ChangePayload, { description: 'Request a change; STANDARD ones name their template' })
  requestChange(@CurrentPrincipal() principal: Principal, @Args('input', { description: 'The change' }) input: RequestChangeInput) {
    return this.commands.open(this.records.change, principal, input, {
      ...givenContent(input),
      ...(input.risk ? { risk: input.risk } : {}),
      ...(input.impact ? { impact: input.impact } : {}),
      type: input.type,
      ...(input.templateId ? { templateId: input.templateId } : {}),
    });
  }

  @Mutation(() => ChangePayload, { description: 'Edit a change in NEW or ASSESS' })
  updateChangeDetails(@CurrentPrincipal() principal: Principal, @Args('input', { description: 'What to change' }) input: UpdateChangeDetailsInput) {
    return this.commands.send(this.records.change, principal, input, { type: 'UpdateChangeDetails', data: givenContent(input) });
  }

  @Mutation(() => ChangePayload, { description: 'NORMAL <-> EMERGENCY, while NEW' })
  setChangeType(@CurrentPrincipal() principal: Principal, @Args('input', { description: 'The change and its new type' }) input: SetChangeTypeInput) {
    return this.commands.send(this.records.change, principal, input, { type: 'SetChangeType', data: { type: input.type } });
  }

  @Mutation(() => ChangePayload, { description: 'NEW -> ASSESS (NORMAL) or NEW -> AUTHORIZE (EMERGENCY)' })
  submitChange(@CurrentPrincipal() principal: Principal, @Args('input', { description: 'The change' }) input: SubmitChangeInput) {
    return this.commands.send(this.records.change, principal, input, { type: 'SubmitChange', data: {} });
  }

  @Mutation(() => ChangePayload, { description: 'Link an incident to the change; an UNSUCCESSFUL close flags it for follow-up' })
  linkChangeToIncident(@CurrentPrincipal() principal: Principal, @Args('input', { description: 'The change and the incident' }) input: LinkChangeToIncidentInput) {
    return this.commands.send(this.records.change, principal, input, { type: 'LinkChangeToIncident', data: { incidentId: input.incidentId.toLowerCase() } });
  }

  @Mutation(() => ChangePayload, { description: 'Link a problem to the change (the change that fixes it, or one it caused)' })
  linkChangeToProblem(@CurrentPrincipal() principal: Principal, @Args('input', { description: 'The change and the problem' }) input: LinkChangeToProblemInput) {
    return this.commands.send(this.records.change, principal, input, { type: 'LinkChangeToProblem', data: { problemId: input.problemId.toLowerCase() } });
  }
}
