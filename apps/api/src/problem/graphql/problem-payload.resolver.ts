import { Resolver } from '@nestjs/graphql';
import { MutationPayloadResolver } from '../../records/mutation-payload.resolver.js';
import { ProblemPayload } from './problem-payload.type.js';
import { PROBLEM_READS } from './problem-reads.js';

@Resolver(() => ProblemPayload)
export class ProblemPayloadResolver extends MutationPayloadResolver(ProblemPayload, PROBLEM_READS) {}
