import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { incidentRecord } from '#commands';
import { CurrentPrincipal } from '../../auth/current-principal.decorator.js';
import type { Principal } from '../../auth/principal.js';
import { RecordCommandDispatcher } from '../../common/record-command.dispatcher.js';
import { IncidentPayload } from './incident-payload.type.js';
import { OpenIncidentInput } from './open-incident.input.js';

@Resolver()
export class IncidentMutationsResolver {
  constructor(private readonly commands: RecordCommandDispatcher) {}

  @Mutation(() => IncidentPayload, { description: 'Report an incident; requesters report for themselves' })
  openIncident(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'What happens, to whom, how badly' }) input: OpenIncidentInput,
  ): Promise<IncidentPayload> {
    const onlyRequester = principal.roles.every((role) => role === 'requester');
    return this.commands.open(incidentRecord, principal, input, {
      title: input.title,
      description: input.description,
      callerId: onlyRequester ? principal.subject : (input.callerId ?? principal.subject),
      serviceId: input.serviceId ?? null,
      category: input.category,
      impact: input.impact,
      urgency: input.urgency,
      assignmentGroup: input.assignmentGroup ?? null,
      assignee: input.assignee ?? null,
    });
  }
}
