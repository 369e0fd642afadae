import { describe, expect, it } from '@jest/globals';
import type { TenantSettingsEvent } from '#events';
import { foldEvents } from '../decider.js';
import { decideAfter, thenEvents, thenRefused } from '../testing/decider-specification.js';
import { configured, policyWith } from '../testing/tenant-settings-fixtures.js';
import type { TenantSettingsCommand } from './tenant-settings.commands.js';
import { tenantSettingsDecider } from './tenant-settings.decider.js';

const at = '2026-03-02T09:00:00.000Z';
const configure = (resolveIncidentOnClear: boolean): TenantSettingsCommand => ({
  type: 'ConfigureAlertPolicy',
  data: { resolveIncidentOnClear },
  metadata: { now: at },
});
const alertPolicy = (resolveIncidentOnClear: boolean): TenantSettingsEvent => ({
  type: 'AlertPolicyConfigured',
  data: { resolveIncidentOnClear, at },
});

describe('tenant settings: the alert policy', () => {
  it.each([
    { name: 'a tenant turns on resolving on clears', given: [], when: configure(true), then: thenEvents(alertPolicy(true)) },
    { name: 'configuring the default explicitly is a change', given: [], when: configure(false), then: thenEvents(alertPolicy(false)) },
    { name: 'refuses the policy the tenant already has', given: [alertPolicy(true)], when: configure(true), then: thenRefused('INVALID_TRANSITION') },
  ])('$name', ({ given, when, then }) => {
    expect(decideAfter(tenantSettingsDecider, given, when)).toEqual(then);
  });

  it('keeps the SLA policy and the alert policy side by side, whichever came last', () => {
    const faster = policyWith('P2', 10, 60);
    expect(foldEvents(tenantSettingsDecider, [configured(faster), alertPolicy(true)])).toEqual({
      incidentSlaPolicy: faster,
      alertPolicy: { resolveIncidentOnClear: true },
    });
  });
});
