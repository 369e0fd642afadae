import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal } from '../../auth/current-principal.decorator.js';
import type { Principal } from '../../auth/principal.js';
import { Roles } from '../../auth/roles.decorator.js';
import { Clock } from '#commands';
import { commandEnvelope } from '../../common/command-envelope.factory.js';
import { OpenIncidentCommand } from '../commands/open-incident.command.js';
import { IncidentPayload } from './incident-payload.type.js';
import { OpenIncidentInput } from './open-incident.input.js';

@Resolver()
export class IncidentMutationsResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly clock: Clock,
  ) {}

  @Mutation(() => IncidentPayload, { description: 'Report an incident; requesters report for themselves' })
  @Roles('requester', 'agent', 'automation', 'admin')
  async openIncident(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'What happens, to whom, how badly' }) input: OpenIncidentInput,
  ): Promise<IncidentPayload> {
    const onlyRequester = principal.roles.every((role) => role === 'requester');
    return this.commandBus.execute(
      new OpenIncidentCommand(
        {
          title: input.title,
          description: input.description,
          callerId: onlyRequester ? principal.subject : (input.callerId ?? principal.subject),
          serviceId: input.serviceId ?? null,
          category: input.category,
          impact: input.impact,
          urgency: input.urgency,
          assignmentGroup: input.assignmentGroup ?? null,
          assignee: input.assignee ?? null,
        },
        commandEnvelope(principal, input, this.clock.now()),
      ),
    );
  }
}
