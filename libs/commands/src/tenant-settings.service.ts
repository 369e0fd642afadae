import { Inject, Injectable } from '@nestjs/common';
import {
  defaultAlertPolicy,
  defaultIncidentSlaPolicy,
  type AlertPolicy,
  tenantSettingsDecider,
  type IncidentSlaPolicy,
  type TenantSettingsState,
} from '#domain';
import { tenantSettingsStreamId } from '#events';
import type { EventStore } from '#event-store';
import { EVENT_STORE } from '#infrastructure';
import { SettingsStream } from './settings-stream.js';

/** Per-tenant settings, read from the tenant's settings stream; SPEC defaults until configured. */
@Injectable()
export class TenantSettingsService {
  private readonly stream: SettingsStream<TenantSettingsState>;

  constructor(@Inject(EVENT_STORE) store: EventStore) {
    this.stream = new SettingsStream(store, tenantSettingsDecider, tenantSettingsStreamId);
  }

  async incidentSlaPolicy(tenant: string): Promise<IncidentSlaPolicy> {
    return (await this.settings(tenant)).incidentSlaPolicy ?? defaultIncidentSlaPolicy;
  }

  /** SPEC: on unless the tenant turned it off. */
  async resolveLinkedIncidentsOnFix(tenant: string): Promise<boolean> {
    return (await this.settings(tenant)).resolveLinkedIncidentsOnFix ?? true;
  }

  async alertPolicy(tenant: string): Promise<AlertPolicy> {
    return (await this.settings(tenant)).alertPolicy ?? defaultAlertPolicy;
  }

  settings(tenant: string): Promise<TenantSettingsState> {
    return this.stream.get(tenant);
  }

  /** After this process changed the tenant's settings. */
  forget(tenant: string): void {
    this.stream.forget(tenant);
  }
}
