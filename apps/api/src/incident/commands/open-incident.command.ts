import { Command } from '@nestjs/cqrs';
import type { CommandEnvelope } from '#commands';
import type { OpenIncident } from '#domain';
import type { IncidentCommandResult } from './incident-command-result.js';

/** What the caller decides; the handler adds the id, tenant, number and SLA policy. */
export type OpenIncidentFields = Omit<OpenIncident['data'], 'incidentId' | 'tenant' | 'number' | 'slaPolicy'>;

export class OpenIncidentCommand extends Command<IncidentCommandResult> {
  constructor(
    readonly fields: OpenIncidentFields,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}
