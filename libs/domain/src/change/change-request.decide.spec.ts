import { describe, expect, it } from '@jest/globals';
import type { ChangeEvent } from '#events';
import { decideAfter, thenEvents, thenRefused, type DeciderCase } from '../testing/decider-specification.js';
import {
  at,
  changeCommand,
  changeEvent,
  changeHistoryIn,
  plan,
  requestData,
  requested,
  standardRequestData,
  template,
} from '../testing/change-fixtures.js';
import type { ChangeCommand, RequestChange } from './change.commands.js';
import { changeDecider } from './change.decider.js';

type Case = DeciderCase<ChangeCommand, ChangeEvent>;

const request = (changes: Partial<Record<keyof RequestChange['data'], unknown>>) =>
  changeCommand('RequestChange', { ...requestData, ...changes } as RequestChange['data'], 0);
const requestStandard = (changes: Partial<Record<keyof RequestChange['data'], unknown>>) =>
  changeCommand('RequestChange', { ...standardRequestData, ...changes } as RequestChange['data'], 0);

const cases: Case[] = [
  { name: 'requests a NORMAL change with its own plan', given: [], when: request({}), then: thenEvents(requested('NORMAL')) },
  { name: 'requests an EMERGENCY change', given: [], when: request({ type: 'EMERGENCY' }), then: thenEvents(requested('EMERGENCY')) },
  {
    name: 'defaults risk to MODERATE and impact to 3, plans and texts to empty, as ServiceNow does',
    given: [],
    when: changeCommand('RequestChange', { changeId: 'change-1', tenant: 'tenant-a', number: 'CHG0001001', requestedBy: 'agent-1', type: 'NORMAL', title: 'Upgrade the mail database', template: null }, 0),
    then: thenEvents(
      changeEvent('ChangeRequested', {
        ...requested('NORMAL').data,
        description: '',
        justification: '',
        serviceIds: [],
        risk: 'MODERATE',
        impact: 3,
        implementationPlan: '',
        backoutPlan: '',
        testPlan: '',
      }),
    ),
  },
  {
    name: 'keeps each affected service once, trimmed',
    given: [],
    when: request({ serviceIds: [' email', 'calendar', 'email'] }),
    then: thenEvents(requested('NORMAL')),
  },
  { name: 'refuses an unknown type', given: [], when: request({ type: 'MINOR' }), then: thenRefused('BAD_USER_INPUT', 'type') },
  { name: 'refuses a blank title', given: [], when: request({ title: ' ' }), then: thenRefused('BAD_USER_INPUT', 'title') },
  { name: 'refuses an unknown risk', given: [], when: request({ risk: 'EXTREME' }), then: thenRefused('BAD_USER_INPUT', 'risk') },
  { name: 'refuses impact 4', given: [], when: request({ impact: 4 }), then: thenRefused('BAD_USER_INPUT', 'impact') },
  { name: 'refuses a blank service id', given: [], when: request({ serviceIds: ['email', ''] }), then: thenRefused('BAD_USER_INPUT', 'serviceIds') },
  {
    name: 'refuses a template on a NORMAL change: only standard changes are pre-approved',
    given: [],
    when: request({ template: standardRequestData.template }),
    then: thenRefused('BAD_USER_INPUT', 'templateId'),
  },
  {
    name: 'a STANDARD change copies the template\'s plan, services and risk and records its version',
    given: [],
    when: requestStandard({}),
    then: thenEvents(requested('STANDARD')),
  },
  {
    name: 'a STANDARD change without a title takes the template\'s name',
    given: [],
    when: requestStandard({ title: undefined }),
    then: thenEvents(changeEvent('ChangeRequested', { ...requested('STANDARD').data, title: 'Monthly OS patching' })),
  },
  { name: 'refuses a STANDARD change without a template', given: [], when: requestStandard({ template: null }), then: thenRefused('BAD_USER_INPUT', 'templateId') },
  {
    name: 'refuses a template that does not exist',
    given: [],
    when: requestStandard({ template: { templateId: 'template-9', current: null } }),
    then: thenRefused('BAD_USER_INPUT', 'templateId'),
  },
  {
    name: 'refuses a retired template',
    given: [],
    when: requestStandard({ template: { templateId: 'template-1', current: { ...template, retired: { reason: 'Replaced', at: at(-1) } } } }),
    then: thenRefused('BAD_USER_INPUT', 'templateId'),
  },
  {
    name: 'refuses a plan of its own on a STANDARD change',
    given: [],
    when: requestStandard({ implementationPlan: plan.implementationPlan }),
    then: thenRefused('BAD_USER_INPUT', 'implementationPlan'),
  },
  { name: 'refuses a risk of its own on a STANDARD change', given: [], when: requestStandard({ risk: 'LOW' }), then: thenRefused('BAD_USER_INPUT', 'risk') },
  {
    name: 'updates only the details that differ',
    given: changeHistoryIn.NORMAL.NEW ?? [],
    when: changeCommand('UpdateChangeDetails', { title: requestData.title, testPlan: 'Run the full suite', serviceIds: ['email'] }),
    then: thenEvents(changeEvent('ChangeDetailsUpdated', { testPlan: 'Run the full suite', serviceIds: ['email'], at: at(100) })),
  },
  {
    name: 'refuses an update that changes nothing',
    given: changeHistoryIn.NORMAL.ASSESS ?? [],
    when: changeCommand('UpdateChangeDetails', { title: requestData.title }),
    then: thenRefused('INVALID_TRANSITION'),
  },
  {
    name: 'a STANDARD change may get a new title but keeps its template\'s plan',
    given: changeHistoryIn.STANDARD.NEW ?? [],
    when: changeCommand('UpdateChangeDetails', { backoutPlan: 'Hope' }),
    then: thenRefused('BAD_USER_INPUT', 'backoutPlan'),
  },
  {
    name: 'NORMAL becomes EMERGENCY while NEW',
    given: changeHistoryIn.NORMAL.NEW ?? [],
    when: changeCommand('SetChangeType', { type: 'EMERGENCY' }),
    then: thenEvents(changeEvent('ChangeTypeChanged', { type: 'EMERGENCY', previousType: 'NORMAL', at: at(100) })),
  },
  {
    name: 'nothing becomes STANDARD but by a template',
    given: changeHistoryIn.NORMAL.NEW ?? [],
    when: changeCommand('SetChangeType', { type: 'STANDARD' }),
    then: thenRefused('BAD_USER_INPUT', 'type'),
  },
  {
    name: 'a STANDARD change keeps its type',
    given: changeHistoryIn.STANDARD.NEW ?? [],
    when: changeCommand('SetChangeType', { type: 'NORMAL' }),
    then: thenRefused('INVALID_TRANSITION'),
  },
  {
    name: 'the type changes only in NEW: not after a rejection moved it on again',
    given: changeHistoryIn.NORMAL.ASSESS ?? [],
    when: changeCommand('SetChangeType', { type: 'EMERGENCY' }),
    then: thenRefused('INVALID_TRANSITION'),
  },
];

describe('requesting and shaping a change', () => {
  it.each(cases)('$name', ({ given, when, then }) => {
    expect(decideAfter(changeDecider, given, when)).toEqual(then);
  });
});
