import { Injectable } from '@nestjs/common';
import { defaultIncidentSlaPolicy, type IncidentSlaPolicy } from '#domain';

/** Per-tenant settings. Every tenant runs on SPEC defaults until tenant administration exists. */
@Injectable()
export class TenantSettingsService {
  async incidentSlaPolicy(_tenant: string): Promise<IncidentSlaPolicy> {
    return defaultIncidentSlaPolicy;
  }
}
