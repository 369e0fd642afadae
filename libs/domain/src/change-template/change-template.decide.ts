import { changeRisks, type ChangeRisk, type ChangeTemplateContent, type ChangeTemplateEvent } from '#events';
import { maxChangeServices, requireIdList } from '../change/change.guards.js';
import { DomainError } from '../domain-error.js';
import { requireLevel, requireOneOf, requireText } from '../shared/input.guards.js';
import { normalizeInstant } from '../instant.js';
import type { ChangeTemplateCommand, ChangeTemplateInput } from './change-template.commands.js';
import type { ChangeTemplate, ChangeTemplateState } from './change-template.state.js';

/**
 * Checks a template's content: a name, services, the implementation and back-out plans, and a risk
 * that may be pre-approved. A HIGH-risk change needs a change manager's approval each time, so no
 * template may hold one.
 */
function requireContent(input: Required<ChangeTemplateInput>): ChangeTemplateContent {
  const risk = requireOneOf(input.risk as ChangeRisk, changeRisks, 'risk');
  if (risk === 'HIGH') throw DomainError.badUserInput('risk', 'A HIGH-risk change cannot be pre-approved: request it as NORMAL');
  return {
    name: requireText(input.name, 'name'),
    description: input.description,
    serviceIds: requireIdList(input.serviceIds, 'serviceIds', maxChangeServices),
    risk,
    impact: requireLevel(input.impact, 'impact'),
    implementationPlan: requireText(input.implementationPlan, 'implementationPlan'),
    backoutPlan: requireText(input.backoutPlan, 'backoutPlan'),
    testPlan: input.testPlan,
  };
}

function requireLiveTemplate(state: ChangeTemplateState, action: string): ChangeTemplate {
  if (state === null) throw DomainError.notFound('Change template not found');
  if (state.retired !== null) throw DomainError.invalidTransition(`Cannot ${action} change template ${state.number}: it is retired`);
  return state;
}

const contentFields = ['name', 'description', 'serviceIds', 'risk', 'impact', 'implementationPlan', 'backoutPlan', 'testPlan'] as const;

export function decideChangeTemplate(command: ChangeTemplateCommand, state: ChangeTemplateState): ChangeTemplateEvent[] {
  const at = normalizeInstant(command.metadata.now);
  switch (command.type) {
    case 'CreateChangeTemplate': {
      if (state !== null) throw DomainError.invalidTransition(`Change template ${state.number} already exists`);
      const { templateId, tenant, number, ...input } = command.data;
      // ServiceNow's defaults for a standard change: low risk, low impact.
      const content = requireContent({ description: '', serviceIds: [], risk: 'LOW', impact: 3, testPlan: '', name: '', implementationPlan: '', backoutPlan: '', ...defined(input) });
      return [{ type: 'ChangeTemplateCreated', data: { templateId, tenant, number, ...content, at } }];
    }
    case 'ReviseChangeTemplate': {
      if (state === null) throw DomainError.notFound('Change template not found');
      const content = requireContent({ ...pick(state), ...defined(command.data) });
      requireLiveTemplate(state, 'revise');
      if (JSON.stringify(content) === JSON.stringify(pick(state))) {
        throw DomainError.invalidTransition(`Change template ${state.number} already holds this content`);
      }
      return [{ type: 'ChangeTemplateRevised', data: { ...content, version: state.version + 1, at } }];
    }
    case 'RetireChangeTemplate': {
      if (state === null) throw DomainError.notFound('Change template not found');
      const reason = requireText(command.data.reason, 'reason');
      requireLiveTemplate(state, 'retire');
      return [{ type: 'ChangeTemplateRetired', data: { reason, at } }];
    }
  }
}

/** The template's content, in the field order of requireContent, for comparison. */
function pick(template: ChangeTemplate): ChangeTemplateContent {
  const { name, description, serviceIds, risk, impact, implementationPlan, backoutPlan, testPlan } = template;
  return { name, description, serviceIds, risk, impact, implementationPlan, backoutPlan, testPlan };
}

function defined(input: ChangeTemplateInput): ChangeTemplateInput {
  return Object.fromEntries(contentFields.filter((field) => input[field] !== undefined).map((field) => [field, input[field]]));
}
