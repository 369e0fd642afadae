import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { incidentRecord } from '#commands';
import { CurrentPrincipal } from '../../auth/current-principal.decorator.js';
import type { Principal } from '../../auth/principal.js';
import { RecordCommandDispatcher } from '../../common/record-command.dispatcher.js';
import {
  CancelIncidentInput,
  CloseIncidentInput,
  PutIncidentOnHoldInput,
  ReopenIncidentInput,
  ResolveIncidentInput,
  ResumeIncidentInput,
  StartIncidentWorkInput,
} from './incident-lifecycle.input.js';
import { IncidentPayload } from './incident-payload.type.js';

/** The state transitions; a command that does not fit the state is INVALID_TRANSITION. */
@Resolver()
export class IncidentLifecycleResolver {
  constructor(private readonly commands: RecordCommandDispatcher) {}

  @Mutation(() => IncidentPayload, { description: 'NEW -> IN_PROGRESS' })
  startIncidentWork(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'The incident to start on' }) input: StartIncidentWorkInput,
  ) {
    return this.commands.send(incidentRecord, principal, input, { type: 'StartIncidentWork', data: {} });
  }

  @Mutation(() => IncidentPayload, { description: 'IN_PROGRESS -> ON_HOLD; the SLA clock pauses' })
  putIncidentOnHold(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'The incident and whom it waits for' }) input: PutIncidentOnHoldInput,
  ) {
    return this.commands.send(incidentRecord, principal, input, { type: 'PutIncidentOnHold', data: { holdReason: input.holdReason } });
  }

  @Mutation(() => IncidentPayload, { description: 'ON_HOLD -> IN_PROGRESS; the SLA clock resumes' })
  resumeIncident(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'The incident to take back into work' }) input: ResumeIncidentInput,
  ) {
    return this.commands.send(incidentRecord, principal, input, { type: 'ResumeIncident', data: {} });
  }

  @Mutation(() => IncidentPayload, { description: 'NEW | IN_PROGRESS | ON_HOLD -> RESOLVED' })
  resolveIncident(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'The incident and how it was resolved' }) input: ResolveIncidentInput,
  ) {
    const { resolutionCode, resolutionNotes } = input;
    return this.commands.send(incidentRecord, principal, input, { type: 'ResolveIncident', data: { resolutionCode, resolutionNotes } });
  }

  @Mutation(() => IncidentPayload, { description: 'RESOLVED -> CLOSED, before auto-close does it' })
  closeIncident(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'The incident to close' }) input: CloseIncidentInput,
  ) {
    return this.commands.send(incidentRecord, principal, input, { type: 'CloseIncident', data: { automatic: false } });
  }

  @Mutation(() => IncidentPayload, { description: 'RESOLVED -> IN_PROGRESS' })
  reopenIncident(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'The incident and why it is reopened' }) input: ReopenIncidentInput,
  ) {
    return this.commands.send(incidentRecord, principal, input, { type: 'ReopenIncident', data: { reason: input.reason } });
  }

  @Mutation(() => IncidentPayload, { description: 'NEW | IN_PROGRESS | ON_HOLD -> CANCELED' })
  cancelIncident(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'The incident and why it is canceled' }) input: CancelIncidentInput,
  ) {
    return this.commands.send(incidentRecord, principal, input, { type: 'CancelIncident', data: { reason: input.reason } });
  }
}
