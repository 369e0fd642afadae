import { changeRisks, changeTypes, type ChangeEvent, type ChangeRisk, type ChangeType } from '#events';
import { DomainError } from '../domain-error.js';
import { requireLevel, requireOneOf, requireText } from '../shared/input.guards.js';
import type { RequestChange, SetChangeType, UpdateChangeDetails } from './change.commands.js';
import { maxChangeServices, requireChange, requireIdList, requireStatus } from './change.guards.js';
import type { Change, ChangeState } from './change.state.js';

/** Raising a change and shaping it before it goes for authorisation. */

/** What a standard change takes from its template and may not be given otherwise. */
const fromTemplate = ['serviceIds', 'risk', 'impact', 'implementationPlan', 'backoutPlan', 'testPlan'] as const;

/** Requesting an existing change does not fit its state: INVALID_TRANSITION. */
export function decideRequest(data: RequestChange['data'], state: ChangeState, now: string): ChangeEvent[] {
  if (state !== null) throw DomainError.invalidTransition(`Change ${state.number} is already requested`);
  const type = requireOneOf(data.type as ChangeType, changeTypes, 'type');
  const identity = {
    changeId: requireText(data.changeId, 'changeId'),
    tenant: requireText(data.tenant, 'tenant'),
    number: requireText(data.number, 'number'),
    requestedBy: requireText(data.requestedBy, 'requestedBy'),
    type,
    description: data.description ?? '',
    justification: data.justification ?? '',
  };
  const content = type === 'STANDARD' ? standardContent(data) : ownContent(data);
  return [{ type: 'ChangeRequested', data: { ...identity, ...content, requestedAt: now } }];
}

/** A NORMAL or EMERGENCY change's own plan and rating. */
function ownContent(data: RequestChange['data']) {
  if (data.template !== null) throw DomainError.badUserInput('templateId', 'Only STANDARD changes are made from a template');
  return {
    title: requireText(data.title ?? '', 'title'),
    serviceIds: requireIdList(data.serviceIds ?? [], 'serviceIds', maxChangeServices),
    // ServiceNow's defaults for a new change: moderate risk, low impact, until assessed.
    risk: requireOneOf((data.risk ?? 'MODERATE') as ChangeRisk, changeRisks, 'risk'),
    impact: requireLevel(data.impact ?? 3, 'impact'),
    implementationPlan: data.implementationPlan ?? '',
    backoutPlan: data.backoutPlan ?? '',
    testPlan: data.testPlan ?? '',
    template: null,
  };
}

/** The pre-approved content of a live template; the title defaults to the template's name. */
function standardContent(data: RequestChange['data']) {
  const field = fromTemplate.find((name) => data[name] !== undefined);
  if (field) throw DomainError.badUserInput(field, `A STANDARD change takes ${field} from its template`);
  if (data.template === null) throw DomainError.badUserInput('templateId', 'A STANDARD change is made from a template');
  const { templateId, current } = data.template;
  if (current === null) throw DomainError.badUserInput('templateId', `No change template ${templateId}`);
  if (current.retired !== null) throw DomainError.badUserInput('templateId', `Change template ${current.number} is retired`);
  const { name, serviceIds, risk, impact, implementationPlan, backoutPlan, testPlan, version } = current;
  const title = data.title === undefined ? name : requireText(data.title, 'title');
  return { title, serviceIds, risk, impact, implementationPlan, backoutPlan, testPlan, template: { templateId, version } };
}

const planFields = ['implementationPlan', 'backoutPlan', 'testPlan'] as const;

/**
 * Before authorisation (NEW, ASSESS). Only fields that differ are recorded; a STANDARD change's
 * plan and services are its template's and stay so.
 */
export function decideDetailsUpdate(data: UpdateChangeDetails['data'], state: ChangeState, now: string): ChangeEvent[] {
  const change = requireChange(state);
  if (change.type === 'STANDARD') {
    const field = fromTemplate.find((name) => name in data && data[name as keyof typeof data] !== undefined);
    if (field) throw DomainError.badUserInput(field, `A STANDARD change takes ${field} from its template`);
  }
  const given = {
    ...(data.title !== undefined && { title: requireText(data.title, 'title') }),
    ...(data.description !== undefined && { description: data.description }),
    ...(data.justification !== undefined && { justification: data.justification }),
    ...Object.fromEntries(planFields.filter((name) => data[name] !== undefined).map((name) => [name, data[name]])),
    ...(data.serviceIds !== undefined && { serviceIds: requireIdList(data.serviceIds, 'serviceIds', maxChangeServices) }),
  } as Record<string, unknown>;
  requireStatus(change, ['NEW', 'ASSESS'], 'update the details of');
  const changed = Object.fromEntries(
    Object.entries(given).filter(([name, value]) => JSON.stringify(value) !== JSON.stringify(change[name as keyof Change])),
  );
  if (Object.keys(changed).length === 0) {
    throw DomainError.invalidTransition(`Change ${change.number} already has these details`);
  }
  return [{ type: 'ChangeDetailsUpdated', data: { ...changed, at: now } }];
}

/** NORMAL <-> EMERGENCY while NEW; STANDARD is where a template puts a change, not a type to switch to. */
export function decideTypeChange(data: SetChangeType['data'], state: ChangeState, now: string): ChangeEvent[] {
  const change = requireChange(state);
  const type = requireOneOf(data.type as ChangeType, changeTypes, 'type');
  if (type === 'STANDARD') throw DomainError.badUserInput('type', 'A change becomes STANDARD only by being made from a template');
  requireStatus(change, ['NEW'], 'change the type of');
  if (change.type === 'STANDARD') {
    throw DomainError.invalidTransition(`Change ${change.number} is STANDARD: its type is its template's`);
  }
  if (change.type === type) throw DomainError.invalidTransition(`Change ${change.number} is already ${type}`);
  return [{ type: 'ChangeTypeChanged', data: { type, previousType: change.type, at: now } }];
}
