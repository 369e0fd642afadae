import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { incidentRecord } from '#commands';
import { CurrentPrincipal } from '../../auth/current-principal.decorator.js';
import type { Principal } from '../../auth/principal.js';
import { RecordCommandDispatcher } from '../../common/record-command.dispatcher.js';
import { IncidentPayload } from './incident-payload.type.js';
import {
  AssignIncidentInput,
  DeclareMajorIncidentInput,
  ReprioritizeIncidentInput,
  UpdateIncidentDetailsInput,
} from './incident-triage.input.js';

/** Who works an incident, how urgent it is, what it is about. */
@Resolver()
export class IncidentTriageResolver {
  constructor(private readonly commands: RecordCommandDispatcher) {}

  @Mutation(() => IncidentPayload, { description: 'Assigning a NEW incident also starts work on it' })
  assignIncident(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'The incident and its new group and/or assignee' }) input: AssignIncidentInput,
  ) {
    const { assignmentGroup, assignee } = input;
    return this.commands.send(incidentRecord, principal, input, { type: 'AssignIncident', data: { assignmentGroup, assignee } });
  }

  @Mutation(() => IncidentPayload, { description: 'New impact and urgency; SLA targets are recomputed from the open time' })
  reprioritizeIncident(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'The incident, its new impact and urgency, and why' }) input: ReprioritizeIncidentInput,
  ) {
    const { impact, urgency, reason } = input;
    return this.commands.send(incidentRecord, principal, input, { type: 'ReprioritizeIncident', data: { impact, urgency, reason } });
  }

  @Mutation(() => IncidentPayload, {
    description: 'Correct the title, description, category or affected service of an incident not closed or canceled',
  })
  updateIncidentDetails(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'The incident and the details to change' }) input: UpdateIncidentDetailsInput,
  ) {
    const data = {
      title: input.title ?? undefined,
      description: input.description ?? undefined,
      category: input.category ?? undefined,
      serviceId: input.serviceId,
    };
    return this.commands.send(incidentRecord, principal, input, { type: 'UpdateIncidentDetails', data });
  }

  @Mutation(() => IncidentPayload, { description: 'Flag the incident as major; it cannot be withdrawn' })
  declareMajorIncident(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'The incident and why it is major' }) input: DeclareMajorIncidentInput,
  ) {
    return this.commands.send(incidentRecord, principal, input, { type: 'DeclareMajorIncident', data: { reason: input.reason } });
  }
}
