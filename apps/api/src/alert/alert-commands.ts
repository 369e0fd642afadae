import { Injectable } from '@nestjs/common';
import { AlertIntake, Clock, type AlertOutcome } from '#commands';
import { START } from '#event-store';
import type { Principal } from '../auth/principal.js';
import { commandEnvelope } from '../common/command-envelope.factory.js';
import { PositionTokens } from '../read-model/position-tokens.service.js';
import type { AlertPayload } from './alert-payload.type.js';
import type { ClearAlertInput, RaiseAlertInput } from './alert.inputs.js';

/** Who may send alerts, over GraphQL and POST /alerts alike. */
export const ALERT_SENDERS = ['automation'] as const;

/** raiseAlert and clearAlert, the same for GraphQL and plain HTTP. */
@Injectable()
export class AlertCommands {
  constructor(
    private readonly intake: AlertIntake,
    private readonly clock: Clock,
    private readonly positions: PositionTokens,
  ) {}

  async raise(principal: Principal, input: RaiseAlertInput): Promise<AlertPayload> {
    const { source, fingerprint, severity, summary } = input;
    const alert = { source, fingerprint, severity, summary, serviceId: input.serviceId ?? null };
    return this.payload(await this.intake.raise(alert, commandEnvelope(principal, {}, this.clock.now())));
  }

  async clear(principal: Principal, { source, fingerprint }: ClearAlertInput): Promise<AlertPayload> {
    return this.payload(await this.intake.clear(source, fingerprint, commandEnvelope(principal, {}, this.clock.now())));
  }

  private async payload({ incidentId, opened, incident, version, position }: AlertOutcome): Promise<AlertPayload> {
    return {
      incidentId,
      opened,
      occurrences: incident.alert?.occurrences ?? 0,
      resolved: incident.status === 'RESOLVED',
      version: version.toString(),
      position: await this.positions.encode(position ?? START),
    };
  }
}
