import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Principal } from '../../auth/principal.js';
import { Clock } from '#commands';
import { commandEnvelope } from '../../common/command-envelope.factory.js';
import { ChangeIncidentCommand } from '../commands/change-incident.command.js';
import type { IncidentChange, IncidentChangeScope } from '../commands/incident-change.js';
import type { IncidentCommandInput } from './incident-command.input.js';
import type { IncidentPayload } from './incident-payload.type.js';

/**
 * What every incident mutation does once it has built its change: wrap it in an envelope for
 * the caller and send it through the CommandBus. A change with a reason also records it in the
 * envelope, so every event of the command carries it in its metadata.
 */
@Injectable()
export class IncidentChangeDispatcher {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly clock: Clock,
  ) {}

  async send(
    principal: Principal,
    input: IncidentCommandInput,
    change: IncidentChange,
    scope: IncidentChangeScope = 'tenant',
  ): Promise<IncidentPayload> {
    const reason = 'reason' in change.data ? change.data.reason : undefined;
    const envelope = commandEnvelope(principal, input, this.clock.now(), { reason });
    return this.commandBus.execute(new ChangeIncidentCommand(input.id, change, envelope, scope));
  }
}
