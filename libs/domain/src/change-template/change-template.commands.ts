import type { DomainCommand } from '../domain-command.js';

/** Content as a user gives it; the decider checks every field itself. */
export interface ChangeTemplateInput {
  readonly name?: string;
  readonly description?: string;
  readonly serviceIds?: readonly string[];
  readonly risk?: string;
  readonly impact?: number;
  readonly implementationPlan?: string;
  readonly backoutPlan?: string;
  readonly testPlan?: string;
}

export type CreateChangeTemplate = DomainCommand<
  'CreateChangeTemplate',
  ChangeTemplateInput & { readonly templateId: string; readonly tenant: string; readonly number: string }
>;

/** Absent fields keep the current version's value. */
export type ReviseChangeTemplate = DomainCommand<'ReviseChangeTemplate', ChangeTemplateInput>;

export type RetireChangeTemplate = DomainCommand<'RetireChangeTemplate', { readonly reason: string }>;

export type ChangeTemplateCommand = CreateChangeTemplate | ReviseChangeTemplate | RetireChangeTemplate;
