import { describe, expect, it } from '@jest/globals';
import type { ChangeTemplateEvent } from '#events';
import { foldEvents } from '../decider.js';
import { decideAfter, thenEvents, thenRefused, type DeciderCase } from '../testing/decider-specification.js';
import { at, plan } from '../testing/change-fixtures.js';
import type { ChangeTemplateCommand, CreateChangeTemplate } from './change-template.commands.js';
import { changeTemplateDecider } from './change-template.decider.js';

type Case = DeciderCase<ChangeTemplateCommand, ChangeTemplateEvent>;

const content = {
  name: 'Monthly OS patching',
  description: 'Security patches on the mail servers',
  serviceIds: ['email'],
  risk: 'LOW',
  impact: 3,
  ...plan,
} as const;
const identity = { templateId: 'template-1', tenant: 'tenant-a', number: 'STD0001001' };

const create = (changes: Partial<Record<keyof CreateChangeTemplate['data'], unknown>> = {}): ChangeTemplateCommand =>
  ({ type: 'CreateChangeTemplate', data: { ...identity, ...content, ...changes }, metadata: { now: at(0) } }) as ChangeTemplateCommand;
const revise = (data: object): ChangeTemplateCommand => ({ type: 'ReviseChangeTemplate', data, metadata: { now: at(10) } });
const retire = (reason: string): ChangeTemplateCommand => ({ type: 'RetireChangeTemplate', data: { reason }, metadata: { now: at(20) } });

const created: ChangeTemplateEvent = { type: 'ChangeTemplateCreated', data: { ...identity, ...content, at: at(0) } };
const revised = (version: number, changes: object): ChangeTemplateEvent => ({
  type: 'ChangeTemplateRevised',
  data: { ...content, ...changes, version, at: at(10) },
});
const retired: ChangeTemplateEvent = { type: 'ChangeTemplateRetired', data: { reason: 'Replaced by automation', at: at(20) } };

const cases: Case[] = [
  { name: 'creates version 1', given: [], when: create(), then: thenEvents(created) },
  {
    name: 'defaults to LOW risk and impact 3',
    given: [],
    when: create({ risk: undefined, impact: undefined }),
    then: thenEvents(created),
  },
  { name: 'refuses a HIGH risk: it cannot be pre-approved', given: [], when: create({ risk: 'HIGH' }), then: thenRefused('BAD_USER_INPUT', 'risk') },
  { name: 'refuses a template without a back-out plan', given: [], when: create({ backoutPlan: ' ' }), then: thenRefused('BAD_USER_INPUT', 'backoutPlan') },
  { name: 'refuses a blank name', given: [], when: create({ name: '' }), then: thenRefused('BAD_USER_INPUT', 'name') },
  { name: 'refuses creating it twice', given: [created], when: create(), then: thenRefused('INVALID_TRANSITION') },
  {
    name: 'a revision holds the whole content under the next version',
    given: [created],
    when: revise({ testPlan: 'Smoke suite and mail flow check' }),
    then: thenEvents(revised(2, { testPlan: 'Smoke suite and mail flow check' })),
  },
  {
    name: 'versions count up across revisions',
    given: [created, revised(2, { testPlan: 'x' })],
    when: revise({ testPlan: 'y' }),
    then: thenEvents(revised(3, { testPlan: 'y' })),
  },
  { name: 'refuses a revision that changes nothing', given: [created], when: revise({ name: content.name }), then: thenRefused('INVALID_TRANSITION') },
  { name: 'refuses revising to HIGH risk', given: [created], when: revise({ risk: 'HIGH' }), then: thenRefused('BAD_USER_INPUT', 'risk') },
  { name: 'retires with a reason', given: [created], when: retire('Replaced by automation'), then: thenEvents(retired) },
  { name: 'refuses revising a retired template', given: [created, retired], when: revise({ testPlan: 'z' }), then: thenRefused('INVALID_TRANSITION') },
  { name: 'refuses retiring twice', given: [created, retired], when: retire('Again'), then: thenRefused('INVALID_TRANSITION') },
  { name: 'refuses a retirement without reason', given: [created], when: retire(''), then: thenRefused('BAD_USER_INPUT', 'reason') },
  { name: 'revising what does not exist: NOT_FOUND', given: [], when: revise({ testPlan: 'z' }), then: thenRefused('NOT_FOUND') },
  { name: 'retiring what does not exist: NOT_FOUND', given: [], when: retire('x'), then: thenRefused('NOT_FOUND') },
];

describe('standard change templates', () => {
  it.each(cases)('$name', ({ given, when, then }) => {
    expect(decideAfter(changeTemplateDecider, given, when)).toEqual(then);
  });

  it('holds the current version and content', () => {
    const template = foldEvents(changeTemplateDecider, [created, revised(2, { testPlan: 'x' }), retired]);
    expect(template).toMatchObject({ version: 2, testPlan: 'x', createdAt: at(0), revisedAt: at(10), retired: { reason: 'Replaced by automation' } });
  });
});
