import type { ProblemEvent } from '#events';
import type { Decider } from '../decider.js';
import type { ProblemCommand } from './problem.commands.js';
import { decideProblem } from './problem.decide.js';
import { evolveProblem, initialProblemState, type ProblemState } from './problem.state.js';

export const problemDecider: Decider<ProblemCommand, ProblemEvent, ProblemState> = {
  // 2: follow-up flags from changes that closed UNSUCCESSFUL.
  version: 2,
  initialState: initialProblemState,
  evolve: evolveProblem,
  decide: decideProblem,
};
