import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { ChangeRecords } from '#commands';
import {
  changeTemplateReadModel,
  type ChangeTemplateListCursor,
  type ChangeTemplateListFilter,
  type ChangeTemplateRow,
} from '#read-model';
import { CurrentPrincipal } from '../../auth/current-principal.decorator.js';
import type { Principal } from '../../auth/principal.js';
import { RecordCommandDispatcher } from '../../common/record-command.dispatcher.js';
import { MutationPayload } from '../../records/mutation-payload.type.js';
import { MutationPayloadResolver } from '../../records/mutation-payload.resolver.js';
import { RecordQueriesResolver } from '../../records/record-queries.resolver.js';
import type { RecordNames } from '../../records/record-names.js';
import type { RecordReads } from '../../records/record-reads.js';
import {
  ChangeTemplateFilter,
  CreateChangeTemplateInput,
  givenTemplateContent,
  ReviseChangeTemplateInput,
  RetireChangeTemplateInput,
} from './change-template.input.js';
import { ChangeTemplateModel } from './change-template.type.js';

const NAMES = {
  type: 'ChangeTemplate',
  singular: 'changeTemplate',
  withArticle: 'a change template',
  plural: 'changeTemplates',
  listOrder: 'creation order',
  listOrderMeans: 'oldest first',
  listVisibility: 'requesters see none',
} as const satisfies RecordNames<'changeTemplate'>;

export const CHANGE_TEMPLATE_READS: RecordReads<ChangeTemplateRow, ChangeTemplateModel, ChangeTemplateFilter, ChangeTemplateListFilter, ChangeTemplateListCursor> = {
  names: NAMES,
  model: ChangeTemplateModel,
  filter: ChangeTemplateFilter,
  readModel: changeTemplateReadModel,
  canSee: () => true,
  toModel: ({ id, version, updatedAt, detail: { template } }) => ({
    ...template,
    id,
    templateVersion: template.version,
    serviceIds: [...template.serviceIds],
    updatedAt,
    version,
  }),
  toFilter: (input) => ({ retired: input?.retired ?? undefined, text: input?.text?.trim() || undefined }),
};

/** `changeTemplate`, `changeTemplateAsOf`, `changeTemplates`, `changeTemplateChanged`, `changeTemplatesChanged`. */
@Resolver(() => ChangeTemplateModel)
export class ChangeTemplateQueriesResolver extends RecordQueriesResolver(CHANGE_TEMPLATE_READS) {}

export const ChangeTemplatePayload = MutationPayload(ChangeTemplateModel, NAMES);

@Resolver(() => ChangeTemplatePayload)
export class ChangeTemplatePayloadResolver extends MutationPayloadResolver(ChangeTemplatePayload, CHANGE_TEMPLATE_READS) {}

@Resolver()
export class ChangeTemplateMutationsResolver {
  constructor(
    private readonly commands: RecordCommandDispatcher,
    private readonly records: ChangeRecords,
  ) {}

  @Mutation(() => ChangeTemplatePayload, { description: 'Create a standard change template (version 1)' })
  createChangeTemplate(@CurrentPrincipal() principal: Principal, @Args('input', { description: 'The template' }) input: CreateChangeTemplateInput) {
    return this.commands.open(this.records.template, principal, input, givenTemplateContent(input));
  }

  @Mutation(() => ChangeTemplatePayload, { description: 'Revise a live template: its next version; changes made earlier keep theirs' })
  reviseChangeTemplate(@CurrentPrincipal() principal: Principal, @Args('input', { description: 'What changes' }) input: ReviseChangeTemplateInput) {
    return this.commands.send(this.records.template, principal, input, { type: 'ReviseChangeTemplate', data: givenTemplateContent(input) });
  }

  @Mutation(() => ChangeTemplatePayload, { description: 'Retire a template' })
  retireChangeTemplate(@CurrentPrincipal() principal: Principal, @Args('input', { description: 'The template and why' }) input: RetireChangeTemplateInput) {
    return this.commands.send(this.records.template, principal, input, { type: 'RetireChangeTemplate', data: { reason: input.reason } });
  }
}
