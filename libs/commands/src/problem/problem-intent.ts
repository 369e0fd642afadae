import type { LogProblem, ProblemCommand } from '#domain';

/** What a person or service asks of an existing problem: a domain command without the clock. */
export type ProblemIntent = ProblemCommand extends infer C
  ? C extends Exclude<ProblemCommand, LogProblem>
    ? Omit<C, 'metadata'>
    : never
  : never;
