import { Command } from '@nestjs/cqrs';
import type { CommandEnvelope } from '#commands';
import type { IncidentCommandResult } from './incident-command-result.js';

export interface OpenIncidentFields {
  readonly title: string;
  readonly description: string;
  readonly callerId: string;
  readonly serviceId: string | null;
  readonly category: string;
  readonly impact: number;
  readonly urgency: number;
  readonly assignmentGroup: string | null;
  readonly assignee: string | null;
}

export class OpenIncidentCommand extends Command<IncidentCommandResult> {
  constructor(
    readonly fields: OpenIncidentFields,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}
