import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { incidentRecord } from '#commands';
import { CurrentPrincipal } from '../../auth/current-principal.decorator.js';
import { hasAnyRole, type Principal } from '../../auth/principal.js';
import { Roles } from '../../auth/roles.decorator.js';
import { RecordCommandDispatcher } from '../../common/record-command.dispatcher.js';
import { INCIDENT_WORKERS } from '../incident-roles.js';
import {
  AddIncidentCommentInput,
  AddIncidentWorkNoteInput,
  LinkIncidentToChangeInput,
  LinkIncidentToProblemInput,
  UnlinkIncidentFromProblemInput,
} from './incident-collaboration.input.js';
import { IncidentPayload } from './incident-payload.type.js';

/** Notes, comments and links; problem and change managers link their own records. */
@Resolver()
export class IncidentCollaborationResolver {
  constructor(private readonly commands: RecordCommandDispatcher) {}

  @Mutation(() => IncidentPayload, { description: 'An internal note; requesters never see it' })
  @Roles(...INCIDENT_WORKERS)
  addIncidentWorkNote(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'The incident and the note' }) input: AddIncidentWorkNoteInput,
  ) {
    return this.commands.send(incidentRecord, principal, input, { type: 'AddIncidentWorkNote', data: { text: input.text } });
  }

  @Mutation(() => IncidentPayload, { description: 'A comment the caller sees; requesters comment on their own incidents' })
  @Roles('requester', ...INCIDENT_WORKERS)
  addIncidentComment(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'The incident and the comment' }) input: AddIncidentCommentInput,
  ) {
    const scope = hasAnyRole(principal, INCIDENT_WORKERS) ? 'tenant' : 'caller';
    return this.commands.send(incidentRecord, principal, input, { type: 'AddIncidentComment', data: { text: input.text } }, scope);
  }

  @Mutation(() => IncidentPayload, {
    description: 'Record the problem behind this incident (at most one: a link replaces an earlier one); problem managers may link too',
  })
  @Roles('problem_manager', ...INCIDENT_WORKERS)
  linkIncidentToProblem(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'The incident and the problem' }) input: LinkIncidentToProblemInput,
  ) {
    return this.commands.send(incidentRecord, principal, input, { type: 'LinkIncidentToProblem', data: { problemId: input.problemId.toLowerCase() } });
  }

  @Mutation(() => IncidentPayload, {
    description: 'Remove the link to its problem; problem managers may unlink too',
  })
  @Roles('problem_manager', ...INCIDENT_WORKERS)
  unlinkIncidentFromProblem(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'The incident and the problem it is linked to' }) input: UnlinkIncidentFromProblemInput,
  ) {
    return this.commands.send(incidentRecord, principal, input, { type: 'UnlinkIncidentFromProblem', data: { problemId: input.problemId.toLowerCase() } });
  }

  @Mutation(() => IncidentPayload, {
    description: 'Record that a change caused or will fix this incident; change managers may link too',
  })
  @Roles('change_manager', ...INCIDENT_WORKERS)
  linkIncidentToChange(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'The incident and the change' }) input: LinkIncidentToChangeInput,
  ) {
    return this.commands.send(incidentRecord, principal, input, { type: 'LinkIncidentToChange', data: { changeId: input.changeId.toLowerCase() } });
  }
}
