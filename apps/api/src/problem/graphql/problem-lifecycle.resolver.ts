import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { problemRecord } from '#commands';
import { CurrentPrincipal } from '../../auth/current-principal.decorator.js';
import type { Principal } from '../../auth/principal.js';
import { Roles } from '../../auth/roles.decorator.js';
import { RecordCommandDispatcher } from '../../common/record-command.dispatcher.js';
import { PROBLEM_WORKERS } from '../problem-roles.js';
import {
  AssessProblemInput,
  CancelProblemInput,
  CloseProblemInput,
  LogProblemInput,
  ReanalyzeProblemInput,
  RecordRootCauseInput,
  ResolveProblemInput,
  StartRootCauseAnalysisInput,
} from './problem-lifecycle.input.js';
import { ProblemPayload } from './problem-payload.type.js';

/** Logging a problem and its state transitions; a command that does not fit the state is INVALID_TRANSITION. */
@Resolver()
export class ProblemLifecycleResolver {
  constructor(private readonly commands: RecordCommandDispatcher) {}

  @Mutation(() => ProblemPayload, { description: 'Log a problem: the cause, or potential cause, of incidents' })
  @Roles(...PROBLEM_WORKERS)
  logProblem(@CurrentPrincipal() principal: Principal, @Args('input', { description: 'The problem' }) input: LogProblemInput) {
    return this.commands.open(problemRecord, principal, input, {
      statement: input.statement,
      description: input.description,
      serviceId: input.serviceId ?? null,
      impact: input.impact,
      urgency: input.urgency,
      assignmentGroup: input.assignmentGroup ?? null,
      assignee: input.assignee ?? null,
    });
  }

  @Mutation(() => ProblemPayload, { description: 'NEW -> ASSESSED' })
  @Roles(...PROBLEM_WORKERS)
  assessProblem(@CurrentPrincipal() principal: Principal, @Args('input', { description: 'The problem and its assessment' }) input: AssessProblemInput) {
    return this.commands.send(problemRecord, principal, input, { type: 'AssessProblem', data: { impact: input.impact, urgency: input.urgency } });
  }

  @Mutation(() => ProblemPayload, { description: 'ASSESSED -> ROOT_CAUSE_ANALYSIS' })
  @Roles(...PROBLEM_WORKERS)
  startRootCauseAnalysis(@CurrentPrincipal() principal: Principal, @Args('input', { description: 'The problem' }) input: StartRootCauseAnalysisInput) {
    return this.commands.send(problemRecord, principal, input, { type: 'StartRootCauseAnalysis', data: {} });
  }

  @Mutation(() => ProblemPayload, { description: 'ROOT_CAUSE_ANALYSIS -> FIX_IN_PROGRESS, recording the root cause' })
  @Roles(...PROBLEM_WORKERS)
  recordRootCause(@CurrentPrincipal() principal: Principal, @Args('input', { description: 'The problem and its cause' }) input: RecordRootCauseInput) {
    return this.commands.send(problemRecord, principal, input, { type: 'RecordRootCause', data: { rootCause: input.rootCause } });
  }

  @Mutation(() => ProblemPayload, {
    description: '-> RESOLVED; with FIX_APPLIED its linked incidents still open are resolved too, unless the tenant turned that off',
  })
  @Roles(...PROBLEM_WORKERS)
  resolveProblem(@CurrentPrincipal() principal: Principal, @Args('input', { description: 'The problem and how it is resolved' }) input: ResolveProblemInput) {
    const { resolutionCode, resolutionNotes } = input;
    const duplicateOf = input.duplicateOf?.toLowerCase() ?? null;
    return this.commands.send(problemRecord, principal, input, { type: 'ResolveProblem', data: { resolutionCode, duplicateOf, resolutionNotes } });
  }

  @Mutation(() => ProblemPayload, { description: 'RESOLVED -> ROOT_CAUSE_ANALYSIS: the fix did not hold' })
  @Roles(...PROBLEM_WORKERS)
  reanalyzeProblem(@CurrentPrincipal() principal: Principal, @Args('input', { description: 'The problem and why' }) input: ReanalyzeProblemInput) {
    return this.commands.send(problemRecord, principal, input, { type: 'ReanalyzeProblem', data: { reason: input.reason } });
  }

  @Mutation(() => ProblemPayload, { description: 'RESOLVED -> CLOSED' })
  @Roles(...PROBLEM_WORKERS)
  closeProblem(@CurrentPrincipal() principal: Principal, @Args('input', { description: 'The problem' }) input: CloseProblemInput) {
    return this.commands.send(problemRecord, principal, input, { type: 'CloseProblem', data: {} });
  }

  @Mutation(() => ProblemPayload, { description: 'Any state but CLOSED -> CLOSED with the code CANCELED' })
  @Roles(...PROBLEM_WORKERS)
  cancelProblem(@CurrentPrincipal() principal: Principal, @Args('input', { description: 'The problem and why' }) input: CancelProblemInput) {
    return this.commands.send(problemRecord, principal, input, { type: 'CancelProblem', data: { reason: input.reason } });
  }
}
