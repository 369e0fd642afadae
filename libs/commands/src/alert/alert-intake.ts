import { RecordStates } from '../record-states.js';
import { Inject, Injectable } from '@nestjs/common';
import AsyncLock from 'async-lock';
import {
  alertDecider,
  alertSeverityLevels,
  DomainError,
  type AlertState,
  type Incident,
  type IncidentAlert,
  type IncidentCommand,
  type OpenIncident,
  type StartAlertEpisode,
} from '#domain';
import { alertStreamId, eventSerializer, recordNumberPrefix, recordStreamId, type AlertEvent } from '#events';
import { StreamNotFoundError, type EventStore, type Position } from '#event-store';
import { EVENT_STORE } from '#infrastructure';
import type { CommandEnvelope } from '../command-envelope.js';
import { DeciderCommandExecutor } from '../decider-command-executor.js';
import { incidentRecord } from '../incident/incident-record.js';
import { RecordNumberAllocator } from '../record-number-allocator.js';
import { TenantSettingsService } from '../tenant-settings.service.js';
import { alertIdOf, alertIncidentId } from './alert-ids.js';

export interface RaisedAlert extends IncidentAlert {
  readonly serviceId: string | null;
}

export interface AlertOutcome {
  readonly incidentId: string;
  /** True when this alert opened the incident, false when it counted on an open one. */
  readonly opened: boolean;
  readonly incident: Incident;
  readonly version: bigint;
  readonly position: Position | undefined;
}

/** A new episode's incident can only be over already when people raced the alert; then try again. */
const EPISODE_ATTEMPTS = 3;

/**
 * Monitoring alerts into incidents. An alert's own stream names the incident of its current
 * episode; the first alert of a fingerprint, or the first after that incident was resolved,
 * closed or canceled, starts the next episode there (optimistic concurrency lets exactly one
 * racer start it) and opens the episode's incident under an id derived from the episode, so
 * however many racers open it, in however many processes, there is one incident. Alerts of one
 * fingerprint also queue in each process, so a burst costs one number and one episode.
 */
@Injectable()
export class AlertIntake {
  private readonly alerts = new AsyncLock({ maxPending: Infinity });

  constructor(
    private readonly executor: DeciderCommandExecutor,
    private readonly numbers: RecordNumberAllocator,
    private readonly settings: TenantSettingsService,
    private readonly records: RecordStates,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  raise(alert: RaisedAlert, envelope: CommandEnvelope): Promise<AlertOutcome> {
    const alertId = alertIdOf(alert.source, alert.fingerprint);
    return this.alerts.acquire(`${envelope.tenant}/${alertId}`, async () => {
      let current = await this.current(envelope.tenant, alertId);
      let fresh = false;
      for (let attempt = 1; ; attempt += 1) {
        if (current.incidentId !== null) {
          try {
            return await this.raiseOn(current.incidentId, alert, envelope, fresh);
          } catch (error) {
            const over = error instanceof DomainError && error.code === 'INVALID_TRANSITION';
            if (!over || attempt >= EPISODE_ATTEMPTS) throw error;
          }
        }
        current = await this.startEpisode(alertId, current.episode, alert, envelope);
        fresh = true;
      }
    });
  }

  /** Records the clear on the incident of the alert's current episode; NOT_FOUND for an alert never raised. */
  async clear(source: string, fingerprint: string, envelope: CommandEnvelope): Promise<AlertOutcome> {
    const { incidentId } = await this.current(envelope.tenant, alertIdOf(source, fingerprint));
    if (incidentId === null) throw new DomainError('NOT_FOUND', `No alert ${fingerprint} from ${source}`, 'fingerprint');
    const { resolveIncidentOnClear } = await this.settings.alertPolicy(envelope.tenant);
    return this.run(incidentId, { type: 'ClearIncidentAlert', data: { resolve: resolveIncidentOnClear } }, envelope, false);
  }

  /**
   * A repeat names no incident fields; when the incident turns out not to exist (a new episode,
   * or a process that stopped between starting the episode and opening it), it is opened.
   */
  private async raiseOn(incidentId: string, alert: RaisedAlert, envelope: CommandEnvelope, fresh: boolean): Promise<AlertOutcome> {
    const { serviceId, ...received } = alert;
    if (!fresh) {
      try {
        return await this.run(incidentId, { type: 'RaiseIncidentAlert', data: { open: null, alert: received } }, envelope, false);
      } catch (error) {
        if (!(error instanceof DomainError && error.code === 'NOT_FOUND')) throw error;
      }
    }
    const { tenant } = envelope;
    const number = await this.numbers.next(tenant, recordNumberPrefix('incident'));
    const fields = {
      title: alert.summary,
      description: `Raised by ${alert.source} for the alert ${alert.fingerprint}`,
      callerId: envelope.actor,
      serviceId,
      category: 'monitoring',
      ...alertSeverityLevels[alert.severity],
    };
    const opening = await incidentRecord.open(fields, { id: incidentId, tenant, number }, { envelope, settings: this.settings, records: this.records });
    const open = (opening as OpenIncident).data;
    return this.run(incidentId, { type: 'RaiseIncidentAlert', data: { open, alert: received } }, envelope, true);
  }

  private async run(
    incidentId: string,
    command: Omit<IncidentCommand, 'metadata'>,
    envelope: CommandEnvelope,
    opening: boolean,
  ): Promise<AlertOutcome> {
    const streamId = recordStreamId('incident', envelope.tenant, incidentId);
    const full = { ...command, metadata: { now: envelope.now.toISOString() } } as IncidentCommand;
    const result = await this.executor.execute(incidentRecord.decider, streamId, full, envelope);
    const incident = result.state!;
    const opened = opening && incident.alert?.occurrences === 1;
    return { incidentId, opened, incident, version: result.version, position: result.position };
  }

  private async startEpisode(alertId: string, afterEpisode: number, alert: RaisedAlert, envelope: CommandEnvelope): Promise<AlertState> {
    const command: StartAlertEpisode = {
      type: 'StartAlertEpisode',
      data: {
        source: alert.source,
        fingerprint: alert.fingerprint,
        afterEpisode,
        incidentId: alertIncidentId(envelope.tenant, alertId, afterEpisode + 1),
      },
      metadata: { now: envelope.now.toISOString() },
    };
    return (await this.executor.execute(alertDecider, alertStreamId(envelope.tenant, alertId), command, envelope)).state;
  }

  /** Every event of an alert's stream holds its whole state, so the last one is enough. */
  private async current(tenant: string, alertId: string): Promise<AlertState> {
    try {
      const last = this.store.readStream(alertStreamId(tenant, alertId), { direction: 'backwards', maxCount: 1 });
      for await (const recorded of last) {
        return alertDecider.evolve(alertDecider.initialState, eventSerializer.deserialize<AlertEvent>(recorded));
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return alertDecider.initialState;
  }
}
