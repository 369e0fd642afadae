import type { FlagProblemForFollowUp, LogProblem, ProblemCommand } from '#domain';

/**
 * What a person or service asks of an existing problem: a domain command without the clock.
 * Follow-up flags are the change follow-up process's.
 */
export type ProblemIntent = ProblemCommand extends infer C
  ? C extends Exclude<ProblemCommand, LogProblem | FlagProblemForFollowUp>
    ? Omit<C, 'metadata'>
    : never
  : never;
