import { incidentDecider, type IncidentCommand, type IncidentState, type OpenIncident } from '#domain';
import type { IncidentEvent } from '#events';
import type { RecordDefinition } from '../record-definition.js';
import type { IncidentIntent } from './incident-intent.js';

/** What the caller decides when opening; the server adds the id, tenant, number and SLA policy. */
export type OpenIncidentFields = Omit<OpenIncident['data'], 'incidentId' | 'tenant' | 'number' | 'slaPolicy'>;

export type IncidentRecordDefinition = RecordDefinition<
  IncidentCommand,
  IncidentEvent,
  IncidentState,
  OpenIncidentFields,
  IncidentIntent
>;

/**
 * Incidents on the one command path. The hook an incident needs is the tenant's SLA policy:
 * the decider derives the priority and picks its targets from it, on opening and on every
 * reprioritisation.
 */
export const incidentRecord: IncidentRecordDefinition = {
  kind: 'incident',
  decider: incidentDecider,
  idNamespace: '6f1c2b8e-3d4a-4e5f-8a9b-0c1d2e3f4a5b',
  async open(fields, { id, tenant, number }, { envelope, settings }) {
    return {
      type: 'OpenIncident',
      data: { incidentId: id, tenant, number, ...fields, slaPolicy: await settings.incidentSlaPolicy(tenant) },
      metadata: { now: envelope.now.toISOString() },
    };
  },
  async complete(intent, { envelope, settings, records }) {
    const metadata = { now: envelope.now.toISOString() };
    if (intent.type === 'LinkIncidentToChange') await records.requireExisting('change', envelope.tenant, intent.data.changeId, 'changeId');
    if (intent.type !== 'ReprioritizeIncident') return { ...intent, metadata };
    const slaPolicy = await settings.incidentSlaPolicy(envelope.tenant);
    return { type: intent.type, data: { ...intent.data, slaPolicy }, metadata };
  },
  callerOf: (incident) => incident?.callerId,
};
