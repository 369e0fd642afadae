import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { problemRecord } from '#commands';
import { CurrentPrincipal } from '../../auth/current-principal.decorator.js';
import type { Principal } from '../../auth/principal.js';
import { Roles } from '../../auth/roles.decorator.js';
import { RecordCommandDispatcher } from '../../common/record-command.dispatcher.js';
import { PROBLEM_WORKERS } from '../problem-roles.js';
import { ProblemPayload } from './problem-payload.type.js';
import {
  AssignProblemInput,
  DocumentProblemWorkaroundInput,
  MarkKnownErrorInput,
  RecordProblemFixingChangeInput,
} from './problem-work.input.js';

/** Who works a problem, its workaround, its publication as a known error, and the change that fixes it. */
@Resolver()
export class ProblemWorkResolver {
  constructor(private readonly commands: RecordCommandDispatcher) {}

  @Mutation(() => ProblemPayload, { description: 'Reassign a problem that is not closed' })
  @Roles(...PROBLEM_WORKERS)
  assignProblem(@CurrentPrincipal() principal: Principal, @Args('input', { description: 'The problem and its new group and/or assignee' }) input: AssignProblemInput) {
    const { assignmentGroup, assignee } = input;
    return this.commands.send(problemRecord, principal, input, { type: 'AssignProblem', data: { assignmentGroup, assignee } });
  }

  @Mutation(() => ProblemPayload, { description: "Document or replace the workaround; a known error's linked incidents show the new one" })
  @Roles(...PROBLEM_WORKERS)
  documentProblemWorkaround(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'The problem and its workaround' }) input: DocumentProblemWorkaroundInput,
  ) {
    return this.commands.send(problemRecord, principal, input, { type: 'DocumentProblemWorkaround', data: { workaround: input.workaround } });
  }

  @Mutation(() => ProblemPayload, { description: 'Publish as a known error: its workaround shows on every linked incident' })
  @Roles(...PROBLEM_WORKERS)
  markKnownError(@CurrentPrincipal() principal: Principal, @Args('input', { description: 'The problem' }) input: MarkKnownErrorInput) {
    const data = input.workaround ? { workaround: input.workaround } : {};
    return this.commands.send(problemRecord, principal, input, { type: 'MarkKnownError', data });
  }

  @Mutation(() => ProblemPayload, { description: 'Record the change that fixes the problem' })
  @Roles(...PROBLEM_WORKERS)
  recordProblemFixingChange(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'The problem and the change' }) input: RecordProblemFixingChangeInput,
  ) {
    return this.commands.send(problemRecord, principal, input, { type: 'RecordProblemFixingChange', data: { changeId: input.changeId.toLowerCase() } });
  }
}
