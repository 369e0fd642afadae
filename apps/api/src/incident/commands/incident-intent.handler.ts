import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { incidentDecider, type IncidentCommand, type IncidentState } from '#domain';
import { recordStreamId } from '#events';
import { START } from '#event-store';
import { DeciderCommandExecutor, type CommandEnvelope, TenantSettingsService } from '#commands';
import { canonicalRecordId } from '../../common/record-id.js';
import { ApiError } from '../../errors/api-error.js';
import { PositionTokens } from '../../read-model/position-tokens.service.js';
import { IncidentIntentCommand } from './incident-intent.command.js';
import type { IncidentIntent, IncidentIntentScope } from './incident-intent.js';
import type { IncidentCommandResult } from './incident-command-result.js';

@CommandHandler(IncidentIntentCommand)
export class IncidentIntentHandler implements ICommandHandler<IncidentIntentCommand> {
  constructor(
    private readonly executor: DeciderCommandExecutor,
    private readonly settings: TenantSettingsService,
    private readonly positions: PositionTokens,
  ) {}

  async execute({ incidentId, intent, envelope, scope }: IncidentIntentCommand): Promise<IncidentCommandResult> {
    const { tenant } = envelope;
    // Inputs are validated already; this guards the stream name against any other caller.
    const id = canonicalRecordId(incidentId);
    if (!id) throw notFound(incidentId);
    const result = await this.executor.execute(
      incidentDecider,
      recordStreamId('incident', tenant, id),
      await this.toCommand(intent, envelope),
      envelope,
      { authorize: (state) => authorize(state, scope, envelope, id), intent },
    );
    return {
      tenant,
      incidentId: id,
      version: result.version.toString(),
      position: await this.positions.encode(result.position ?? START),
    };
  }

  private async toCommand(intent: IncidentIntent, envelope: CommandEnvelope): Promise<IncidentCommand> {
    const metadata = { now: envelope.now.toISOString() };
    if (intent.type !== 'ReprioritizeIncident') return { ...intent, metadata };
    const slaPolicy = await this.settings.incidentSlaPolicy(envelope.tenant);
    return { type: intent.type, data: { ...intent.data, slaPolicy }, metadata };
  }
}

/** The decider answers NOT_FOUND for a missing incident; this adds the caller-only scope. */
function authorize(state: IncidentState, scope: IncidentIntentScope, envelope: CommandEnvelope, id: string): void {
  if (scope === 'caller' && state !== null && state.callerId !== envelope.actor) throw notFound(id);
}

function notFound(id: string): ApiError {
  return new ApiError('NOT_FOUND', `No incident ${id}`, { field: 'id' });
}
