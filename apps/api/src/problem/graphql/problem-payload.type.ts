import { MutationPayload } from '../../records/mutation-payload.type.js';
import { PROBLEM_NAMES } from './problem-names.js';
import { ProblemModel } from './problem.type.js';

/** What every problem mutation returns: `problemId`, `version`, `position`, and the `problem`. */
export const ProblemPayload = MutationPayload(ProblemModel, PROBLEM_NAMES);
export type ProblemPayload = InstanceType<typeof ProblemPayload>;
