import { Inject, Injectable } from '@nestjs/common';
import {
  defaultAlertPolicy,
  defaultIncidentSlaPolicy,
  type AlertPolicy,
  tenantSettingsDecider,
  type IncidentSlaPolicy,
  type TenantSettingsState,
} from '#domain';
import { eventSerializer, tenantSettingsStreamId, type TenantSettingsEvent } from '#events';
import { StreamNotFoundError, type EventStore } from '#event-store';
import { EVENT_STORE } from '#infrastructure';

/**
 * How long this process trusts settings it has read. Opening an incident reads them, so they are
 * not read from the store every time; a change made through another API replica takes effect
 * here within this time, one made through this process at once (see `forget`).
 */
const CACHE_MS = 5_000;

interface CachedSettings {
  readonly expiresAt: number;
  readonly settings: Promise<TenantSettingsState>;
}

/** Per-tenant settings, read from the tenant's settings stream; SPEC defaults until configured. */
@Injectable()
export class TenantSettingsService {
  private readonly cache = new Map<string, CachedSettings>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

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

  /** Concurrent callers share one read; a failed read is not kept. */
  settings(tenant: string): Promise<TenantSettingsState> {
    const cached = this.cache.get(tenant);
    if (cached && cached.expiresAt > Date.now()) return cached.settings;
    const settings = this.read(tenant);
    this.cache.set(tenant, { expiresAt: Date.now() + CACHE_MS, settings });
    settings.catch(() => {
      if (this.cache.get(tenant)?.settings === settings) this.cache.delete(tenant);
    });
    return settings;
  }

  /** After this process changed the tenant's settings. */
  forget(tenant: string): void {
    this.cache.delete(tenant);
  }

  /** Settings change seldom, so the whole stream is short: folded from its first event. */
  private async read(tenant: string): Promise<TenantSettingsState> {
    const { initialState, evolve } = tenantSettingsDecider;
    let state = initialState;
    try {
      for await (const recorded of this.store.readStream(tenantSettingsStreamId(tenant))) {
        state = evolve(state, eventSerializer.deserialize<TenantSettingsEvent>(recorded));
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return state;
  }
}
