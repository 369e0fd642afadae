import { Resolver } from '@nestjs/graphql';
import { MutationPayload } from '../../records/mutation-payload.type.js';
import { MutationPayloadResolver } from '../../records/mutation-payload.resolver.js';
import { CHANGE_NAMES } from './change-names.js';
import { CHANGE_READS } from './change-reads.js';
import { ChangeModel } from './change.type.js';

/** What every change mutation returns: `changeId`, `version`, `position`, and the `change`. */
export const ChangePayload = MutationPayload(ChangeModel, CHANGE_NAMES);
export type ChangePayload = InstanceType<typeof ChangePayload>;

@Resolver(() => ChangePayload)
export class ChangePayloadResolver extends MutationPayloadResolver(ChangePayload, CHANGE_READS) {}
