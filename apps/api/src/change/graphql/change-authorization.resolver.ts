import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { ChangeRecords } from '#commands';
import { CurrentPrincipal } from '../../auth/current-principal.decorator.js';
import type { Principal } from '../../auth/principal.js';
import { RecordCommandDispatcher } from '../../common/record-command.dispatcher.js';
import { ApproveChangeInput, AssessChangeRiskInput, RejectChangeInput } from './change-authorization.input.js';
import { ChangePayload } from './change-payload.js';

/** Assessment and the approval rounds: who may answer is decided per round (FORBIDDEN for anyone not asked). */
@Resolver()
export class ChangeAuthorizationResolver {
  constructor(
    private readonly commands: RecordCommandDispatcher,
    private readonly records: ChangeRecords,
  ) {}

  @Mutation(() => ChangePayload, { description: 'ASSESS -> AUTHORIZE: starts an approval round with the CAB (and a change manager for HIGH risk)' })
  assessChangeRisk(@CurrentPrincipal() principal: Principal, @Args('input', { description: 'The change and its risk' }) input: AssessChangeRiskInput) {
    const data = { risk: input.risk, ...(input.impact ? { impact: input.impact } : {}) };
    return this.commands.send(this.records.change, principal, input, { type: 'AssessChangeRisk', data });
  }

  @Mutation(() => ChangePayload, { description: 'Approve in the current round; the last approval it awaits moves the change to SCHEDULED' })
  approveChange(@CurrentPrincipal() principal: Principal, @Args('input', { description: 'The change' }) input: ApproveChangeInput) {
    return this.commands.send(this.records.change, principal, input, {
      type: 'ApproveChange',
      data: { approverId: principal.subject, isChangeManager: principal.roles.includes('change_manager'), comment: input.comment ?? null },
    });
  }

  @Mutation(() => ChangePayload, { description: 'Reject in the current round: the change goes back to NEW with the reason' })
  rejectChange(@CurrentPrincipal() principal: Principal, @Args('input', { description: 'The change and why' }) input: RejectChangeInput) {
    return this.commands.send(this.records.change, principal, input, {
      type: 'RejectChange',
      data: { approverId: principal.subject, isChangeManager: principal.roles.includes('change_manager'), reason: input.reason },
    });
  }
}
