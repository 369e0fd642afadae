import { describe, expect, it } from '@jest/globals';
import { eventSerializer } from '../event-catalog.js';
import type { TenantSettingsEvent } from './tenant-settings-events.js';

describe('tenant settings event contracts', () => {
  it('stores a configured SLA policy under its versioned name and reads it back from JSON', () => {
    const targets = { responseMinutes: 10, resolutionMinutes: 60 };
    const event: TenantSettingsEvent = {
      type: 'IncidentSlaPolicyConfigured',
      data: { policy: { P1: targets, P2: targets, P3: targets, P4: targets, P5: targets }, at: '2026-03-02T09:00:00.000Z' },
    };
    const stored = eventSerializer.serialize(event);
    expect(stored.type).toBe('tenant.incident-sla-policy-configured.v1');
    expect(eventSerializer.deserialize({ type: stored.type, data: JSON.parse(JSON.stringify(stored.data)) })).toEqual(event);
  });
});
