import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { incidentRecord } from '#commands';
import { CurrentPrincipal } from '../../auth/current-principal.decorator.js';
import type { Principal } from '../../auth/principal.js';
import { Roles } from '../../auth/roles.decorator.js';
import { RecordCommandDispatcher } from '../../common/record-command.dispatcher.js';
import { INCIDENT_WORKERS } from '../incident-roles.js';
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
  @Roles(...INCIDENT_WORKERS)
  startIncidentWork(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'The incident to start on' }) input: StartIncidentWorkInput,
  ) {
    return this.commands.send(incidentRecord, principal, input, { type: 'StartIncidentWork', data: {} });
  }

  @Mutation(() => IncidentPayload, { description: 'IN_PROGRESS -> ON_HOLD; the SLA clock pauses' })
  @Roles(...INCIDENT_WORKERS)
  putIncidentOnHold(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'The incident and whom it waits for' }) input: PutIncidentOnHoldInput,
  ) {
    return this.commands.send(incidentRecord, principal, input, { type: 'PutIncidentOnHold', data: { holdReason: input.holdReason } });
  }

  @Mutation(() => IncidentPayload, { description: 'ON_HOLD -> IN_PROGRESS; the SLA clock resumes' })
  @Roles(...INCIDENT_WORKERS)
  resumeIncident(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'The incident to take back into work' }) input: ResumeIncidentInput,
  ) {
    return this.commands.send(incidentRecord, principal, input, { type: 'ResumeIncident', data: {} });
  }

  @Mutation(() => IncidentPayload, { description: 'NEW | IN_PROGRESS | ON_HOLD -> RESOLVED' })
  @Roles(...INCIDENT_WORKERS)
  resolveIncident(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'The incident and how it was resolved' }) input: ResolveIncidentInput,
  ) {
    const { resolutionCode, resolutionNotes } = input;
    return this.commands.send(incidentRecord, principal, input, { type: 'ResolveIncident', data: { resolutionCode, resolutionNotes } });
  }

  @Mutation(() => IncidentPayload, { description: 'RESOLVED -> CLOSED, before auto-close does it' })
  @Roles(...INCIDENT_WORKERS)
  closeIncident(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'The incident to close' }) input: CloseIncidentInput,
  ) {
    return this.commands.send(incidentRecord, principal, input, { type: 'CloseIncident', data: { automatic: false } });
  }

  @Mutation(() => IncidentPayload, { description: 'RESOLVED -> IN_PROGRESS' })
  @Roles(...INCIDENT_WORKERS)
  reopenIncident(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'The incident and why it is reopened' }) input: ReopenIncidentInput,
  ) {
    return this.commands.send(incidentRecord, principal, input, { type: 'ReopenIncident', data: { reason: input.reason } });
  }

  @Mutation(() => IncidentPayload, { description: 'NEW | IN_PROGRESS | ON_HOLD -> CANCELED' })
  @Roles(...INCIDENT_WORKERS)
  cancelIncident(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'The incident and why it is canceled' }) input: CancelIncidentInput,
  ) {
    return this.commands.send(incidentRecord, principal, input, { type: 'CancelIncident', data: { reason: input.reason } });
  }
}
