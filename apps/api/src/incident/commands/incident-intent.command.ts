import { Command } from '@nestjs/cqrs';
import type { CommandEnvelope } from '#commands';
import type { IncidentIntent, IncidentIntentScope } from './incident-intent.js';
import type { IncidentCommandResult } from './incident-command-result.js';

/** Any command on an existing incident; one handler runs them all through the decider. */
export class IncidentIntentCommand extends Command<IncidentCommandResult> {
  constructor(
    readonly incidentId: string,
    readonly intent: IncidentIntent,
    readonly envelope: CommandEnvelope,
    readonly scope: IncidentIntentScope,
  ) {
    super();
  }
}
