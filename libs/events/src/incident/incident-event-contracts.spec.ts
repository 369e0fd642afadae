import { describe, expect, it } from '@jest/globals';
import { EventSerializer } from '../event-serializer.js';
import { incidentEventContracts, incidentEventTypes } from './incident-event-contracts.js';
import type { IncidentEvent } from './incident-events.js';

describe('incident event contracts', () => {
  it('names every event type once, under a unique versioned incident.* name', () => {
    const storedNames = incidentEventContracts.map((contract) => contract.storedName);
    expect(incidentEventContracts.map((contract) => contract.type)).toEqual(incidentEventTypes);
    expect(new Set(storedNames).size).toBe(incidentEventTypes.length);
    for (const name of storedNames) expect(name).toMatch(/^incident\.[a-z]+(-[a-z]+)*\.v\d+$/);
  });

  it('keeps the stored names of history', () => {
    expect(
      Object.fromEntries(incidentEventContracts.map((c) => [c.type, c.storedName])),
    ).toMatchObject({
      IncidentOpened: 'incident.opened.v1',
      IncidentAssigned: 'incident.assigned.v1',
      IncidentResolved: 'incident.resolved.v1',
      IncidentSlaBreached: 'incident.sla-breached.v1',
    });
  });

  it('round-trips through the serializer as JSON', () => {
    const serializer = new EventSerializer(incidentEventContracts);
    const event: IncidentEvent = {
      type: 'IncidentPutOnHold',
      data: { holdReason: 'AWAITING_VENDOR', at: '2025-03-03T09:00:00.000Z' },
    };
    const stored = serializer.serialize(event);
    expect(stored.type).toBe('incident.put-on-hold.v1');
    expect(
      serializer.deserialize({ type: stored.type, data: JSON.parse(JSON.stringify(stored.data)) }),
    ).toEqual(event);
  });
});
