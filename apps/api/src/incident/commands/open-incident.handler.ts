import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { v5 as uuidv5 } from 'uuid';
import { incidentDecider, type OpenIncident } from '#domain';
import { recordStreamId } from '#events';
import { START } from '#event-store';
import { DeciderCommandExecutor, RecordNumberAllocator, TenantSettingsService } from '#commands';
import { PositionTokens } from '../../read-model/position-tokens.service.js';
import type { IncidentCommandResult } from './incident-command-result.js';
import { OpenIncidentCommand } from './open-incident.command.js';

/** Namespace for incident ids derived from idempotency keys, so a retried open finds its record. */
const INCIDENT_ID_NAMESPACE = '6f1c2b8e-3d4a-4e5f-8a9b-0c1d2e3f4a5b';

@CommandHandler(OpenIncidentCommand)
export class OpenIncidentHandler implements ICommandHandler<OpenIncidentCommand> {
  constructor(
    private readonly executor: DeciderCommandExecutor,
    private readonly numbers: RecordNumberAllocator,
    private readonly settings: TenantSettingsService,
    private readonly positions: PositionTokens,
  ) {}

  async execute({ fields, envelope }: OpenIncidentCommand): Promise<IncidentCommandResult> {
    const { tenant, actor, commandId } = envelope;
    // Keys are the caller's own: another caller's equal key opens another incident.
    const incidentId = commandId ? uuidv5(`${tenant}/${actor}/${commandId}`, INCIDENT_ID_NAMESPACE) : randomUUID();
    const command: OpenIncident = {
      type: 'OpenIncident',
      data: {
        incidentId,
        tenant,
        number: await this.numbers.next(tenant, 'INC'),
        ...fields,
        slaPolicy: await this.settings.incidentSlaPolicy(tenant),
      },
      metadata: { now: envelope.now.toISOString() },
    };
    const result = await this.executor.execute(
      incidentDecider,
      recordStreamId('incident', tenant, incidentId),
      command,
      envelope,
      { expectNew: true, intent: { type: command.type, data: fields } },
    );
    return {
      tenant,
      incidentId,
      version: result.version.toString(),
      position: await this.positions.encode(result.position ?? START),
    };
  }
}
