import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Principal } from '../../auth/principal.js';
import { Clock } from '#commands';
import { commandEnvelope } from '../../common/command-envelope.factory.js';
import { IncidentIntentCommand } from '../commands/incident-intent.command.js';
import type { IncidentIntent, IncidentIntentScope } from '../commands/incident-intent.js';
import type { IncidentCommandInput } from './incident-command.input.js';
import type { IncidentPayload } from './incident-payload.type.js';

/**
 * What every incident mutation does once it has built its intent: wrap it in an envelope for
 * the caller and send it through the CommandBus. An intent with a reason also records it in the
 * envelope, so every event of the command carries it in its metadata.
 */
@Injectable()
export class IncidentIntentDispatcher {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly clock: Clock,
  ) {}

  async send(
    principal: Principal,
    input: IncidentCommandInput,
    intent: IncidentIntent,
    scope: IncidentIntentScope = 'tenant',
  ): Promise<IncidentPayload> {
    const reason = 'reason' in intent.data ? intent.data.reason : undefined;
    const envelope = commandEnvelope(principal, input, this.clock.now(), { reason });
    return this.commandBus.execute(new IncidentIntentCommand(input.id, intent, envelope, scope));
  }
}
