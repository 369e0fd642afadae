import { Command } from '@nestjs/cqrs';
import type { CommandEnvelope } from '#commands';
import type { IncidentChange, IncidentChangeScope } from './incident-change.js';
import type { IncidentCommandResult } from './incident-command-result.js';

/** Any command on an existing incident; one handler runs them all through the decider. */
export class ChangeIncidentCommand extends Command<IncidentCommandResult> {
  constructor(
    readonly incidentId: string,
    readonly change: IncidentChange,
    readonly envelope: CommandEnvelope,
    readonly scope: IncidentChangeScope,
  ) {
    super();
  }
}
