import { describe, expect, it } from '@jest/globals';
import type { ChangeSettingsEvent } from '#events';
import { foldEvents } from '../decider.js';
import { decideAfter, thenEvents, thenRefused, type DeciderCase } from '../testing/decider-specification.js';
import { at } from '../testing/change-fixtures.js';
import type { ChangeSettingsCommand } from './change-settings.commands.js';
import { changeSettingsDecider } from './change-settings.decider.js';

type Case = DeciderCase<ChangeSettingsCommand, ChangeSettingsEvent>;

const now = { now: at(0) };
const configure = (cabMembers: string[], emergencyApprovers: string[]): ChangeSettingsCommand => ({
  type: 'ConfigureChangeAuthority',
  data: { cabMembers, emergencyApprovers },
  metadata: now,
});
const configured = (cabMembers: string[], emergencyApprovers: string[]): ChangeSettingsEvent => ({
  type: 'ChangeAuthorityConfigured',
  data: { cabMembers, emergencyApprovers, at: at(0) },
});
const window = { windowId: 'freeze-1', name: 'Year-end freeze', start: at(1000), end: at(2000) };
const add = (changes: object = {}): ChangeSettingsCommand => ({ type: 'AddBlackoutWindow', data: { ...window, ...changes }, metadata: now });
const added: ChangeSettingsEvent = { type: 'BlackoutWindowAdded', data: { ...window, at: at(0) } };
const remove = (windowId: string): ChangeSettingsCommand => ({ type: 'RemoveBlackoutWindow', data: { windowId }, metadata: now });

const cases: Case[] = [
  { name: 'names the CAB and the emergency approvers', given: [], when: configure(['cab-1', 'cab-2'], ['ecab-1']), then: thenEvents(configured(['cab-1', 'cab-2'], ['ecab-1'])) },
  { name: 'keeps each subject once', given: [], when: configure(['cab-1', 'cab-1 '], []), then: thenEvents(configured(['cab-1'], [])) },
  { name: 'refuses the authority the tenant already has, in any order', given: [configured(['cab-1', 'cab-2'], [])], when: configure(['cab-2', 'cab-1'], []), then: thenRefused('INVALID_TRANSITION') },
  { name: 'refuses a blank subject', given: [], when: configure(['cab-1', ' '], []), then: thenRefused('BAD_USER_INPUT', 'cabMembers') },
  { name: 'adds a blackout window', given: [], when: add(), then: thenEvents(added) },
  { name: 'refuses a window ending before it starts', given: [], when: add({ end: at(500) }), then: thenRefused('BAD_USER_INPUT', 'end') },
  { name: 'refuses a start that is no instant', given: [], when: add({ start: 'soon' }), then: thenRefused('BAD_USER_INPUT', 'start') },
  { name: 'refuses a blank name', given: [], when: add({ name: '' }), then: thenRefused('BAD_USER_INPUT', 'name') },
  { name: 'removes a window', given: [added], when: remove('freeze-1'), then: thenEvents({ type: 'BlackoutWindowRemoved', data: { windowId: 'freeze-1', at: at(0) } }) },
  { name: 'removing an unknown window: NOT_FOUND', given: [], when: remove('freeze-1'), then: thenRefused('NOT_FOUND') },
];

describe('tenant change settings', () => {
  it.each(cases)('$name', ({ given, when, then }) => {
    expect(decideAfter(changeSettingsDecider, given, when)).toEqual(then);
  });

  it('starts with nobody to approve and no freezes; holds windows by start', () => {
    expect(changeSettingsDecider.initialState).toEqual({ changeAuthority: { cabMembers: [], emergencyApprovers: [] }, blackoutWindows: [] });
    const earlier = { type: 'BlackoutWindowAdded', data: { windowId: 'freeze-0', name: 'Audit', start: at(10), end: at(20), at: at(0) } } as const;
    const state = foldEvents(changeSettingsDecider, [added, earlier, configured(['cab-1'], [])]);
    expect(state.blackoutWindows.map((w) => w.windowId)).toEqual(['freeze-0', 'freeze-1']);
    expect(state.changeAuthority.cabMembers).toEqual(['cab-1']);
  });
});
