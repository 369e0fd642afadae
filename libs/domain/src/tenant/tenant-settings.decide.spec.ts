import { describe, expect, it } from '@jest/globals';
import type { TenantSettingsEvent } from '#events';
import { foldEvents } from '../decider.js';
import { defaultIncidentSlaPolicy, type IncidentSlaPolicy } from '../incident/incident-sla-policy.js';
import {
  decideAfter,
  thenEvents,
  thenRefused,
  type DeciderCase,
} from '../testing/decider-specification.js';
import { configure, configured, policyWith } from '../testing/tenant-settings-fixtures.js';
import type { TenantSettingsCommand } from './tenant-settings.commands.js';
import { tenantSettingsDecider } from './tenant-settings.decider.js';

type Case = DeciderCase<TenantSettingsCommand, TenantSettingsEvent>;

const faster = policyWith('P2', 10, 60);
const { P3: _dropped, ...withoutP3 } = defaultIncidentSlaPolicy;

const cases: Case[] = [
  {
    name: 'a tenant on the defaults configures its own policy',
    given: [],
    when: configure(faster),
    then: thenEvents(configured(faster)),
  },
  {
    name: 'configuring the defaults explicitly is a change: the tenant no longer follows them',
    given: [],
    when: configure(defaultIncidentSlaPolicy),
    then: thenEvents(configured(defaultIncidentSlaPolicy)),
  },
  {
    name: 'a configured policy is replaced as a whole',
    given: [configured(faster)],
    when: configure(policyWith('P2', 20, 60)),
    then: thenEvents(configured(policyWith('P2', 20, 60))),
  },
  {
    name: 'response may equal resolution; a year is the longest target',
    given: [],
    when: configure(policyWith('P5', 525_600, 525_600)),
    then: thenEvents(configured(policyWith('P5', 525_600, 525_600))),
  },
  {
    name: 'refuses the policy the tenant already has, appending nothing',
    given: [configured(faster)],
    when: configure(policyWith('P2', 10, 60)),
    then: thenRefused('INVALID_TRANSITION'),
  },
  {
    name: 'refuses a response target longer than the resolution target',
    given: [],
    when: configure(policyWith('P1', 61, 60)),
    then: thenRefused('BAD_USER_INPUT', 'policy.P1.responseMinutes'),
  },
  {
    name: 'refuses a zero target',
    given: [],
    when: configure(policyWith('P4', 0, 60)),
    then: thenRefused('BAD_USER_INPUT', 'policy.P4.responseMinutes'),
  },
  {
    name: 'refuses fractions of a minute',
    given: [],
    when: configure(policyWith('P3', 10, 60.5)),
    then: thenRefused('BAD_USER_INPUT', 'policy.P3.resolutionMinutes'),
  },
  {
    name: 'refuses targets longer than a year',
    given: [],
    when: configure(policyWith('P5', 60, 525_601)),
    then: thenRefused('BAD_USER_INPUT', 'policy.P5.resolutionMinutes'),
  },
  {
    name: 'refuses a policy missing a priority',
    given: [],
    when: configure(withoutP3),
    then: thenRefused('BAD_USER_INPUT', 'policy.P3'),
  },
];

describe('tenant settings: configure the incident SLA policy', () => {
  it.each(cases)('$name', ({ given, when, then }) => {
    expect(decideAfter(tenantSettingsDecider, given, when)).toEqual(then);
  });

  it('stores only the targets of the five priorities, whatever else the input held', () => {
    const noisy = { ...faster, P6: faster.P1, P1: { ...faster.P1, note: 'x' } } as IncidentSlaPolicy;
    expect(decideAfter(tenantSettingsDecider, [], configure(noisy))).toEqual(thenEvents(configured(faster)));
  });

  it('starts on the defaults (null) and holds the last configured policy', () => {
    expect(tenantSettingsDecider.initialState).toEqual({ incidentSlaPolicy: null });
    const state = foldEvents(tenantSettingsDecider, [configured(faster), configured(defaultIncidentSlaPolicy)]);
    expect(state).toEqual({ incidentSlaPolicy: defaultIncidentSlaPolicy });
  });
});

describe('the problem incident policy', () => {
  const turn = (resolveLinkedIncidentsOnFix: boolean) =>
    ({ type: 'ConfigureProblemIncidentPolicy', data: { resolveLinkedIncidentsOnFix }, metadata: { now: '2026-03-02T09:00:00.000Z' } }) as const;
  const turned = (resolveLinkedIncidentsOnFix: boolean) =>
    ({ type: 'ProblemIncidentPolicyConfigured', data: { resolveLinkedIncidentsOnFix, at: '2026-03-02T09:00:00.000Z' } }) as const;

  it.each([
    { name: 'turns it off', given: [], when: turn(false), then: thenEvents<TenantSettingsEvent>(turned(false)) },
    { name: 'refuses to turn on what is on by default', given: [], when: turn(true), then: thenRefused('INVALID_TRANSITION') },
    { name: 'turns it back on', given: [turned(false)], when: turn(true), then: thenEvents<TenantSettingsEvent>(turned(true)) },
    { name: 'refuses to turn off twice', given: [turned(false)], when: turn(false), then: thenRefused('INVALID_TRANSITION') },
  ])('$name', ({ given, when, then }) => {
    expect(decideAfter(tenantSettingsDecider, given, when)).toEqual(then);
  });

  it('keeps the SLA policy when the problem policy changes after it', () => {
    const state = foldEvents(tenantSettingsDecider, [configured(defaultIncidentSlaPolicy), turned(false)]);
    expect(state).toEqual({ incidentSlaPolicy: defaultIncidentSlaPolicy, resolveLinkedIncidentsOnFix: false });
  });
});
