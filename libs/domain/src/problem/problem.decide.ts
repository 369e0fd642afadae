import type { ProblemEvent } from '#events';
import { normalizeInstant } from '../instant.js';
import { newFollowUp } from '../shared/follow-up.js';
import { requireProblem } from './problem.guards.js';
import type { ProblemCommand } from './problem.commands.js';
import type { ProblemState } from './problem.state.js';
import {
  decideAssess,
  decideCancel,
  decideClose,
  decideLog,
  decideReanalyze,
  decideResolve,
  decideRootCause,
  decideStartAnalysis,
} from './problem-lifecycle.decide.js';
import { decideAssign, decideFixingChange, decideKnownError, decideWorkaround } from './problem-triage.decide.js';

/**
 * Routes each command to its decision. Checks run in this order: the problem exists
 * (NOT_FOUND), the input is sound (BAD_USER_INPUT), it fits the state (INVALID_TRANSITION).
 */
export function decideProblem(command: ProblemCommand, state: ProblemState): ProblemEvent[] {
  const now = normalizeInstant(command.metadata.now);
  switch (command.type) {
    case 'LogProblem':
      return decideLog(command.data, state, now);
    case 'AssessProblem':
      return decideAssess(command.data, state, now);
    case 'AssignProblem':
      return decideAssign(command.data, state, now);
    case 'StartRootCauseAnalysis':
      return decideStartAnalysis(state, now);
    case 'RecordRootCause':
      return decideRootCause(command.data, state, now);
    case 'DocumentProblemWorkaround':
      return decideWorkaround(command.data, state, now);
    case 'MarkKnownError':
      return decideKnownError(command.data, state, now);
    case 'RecordProblemFixingChange':
      return decideFixingChange(command.data, state, now);
    case 'ResolveProblem':
      return decideResolve(command.data, state, now);
    case 'ReanalyzeProblem':
      return decideReanalyze(command.data, state, now);
    case 'CloseProblem':
      return decideClose(state, now);
    case 'CancelProblem':
      return decideCancel(command.data, state, now);
    case 'FlagProblemForFollowUp':
      return [{ type: 'ProblemFlaggedForFollowUp', data: newFollowUp('problem', requireProblem(state), command.data, now) }];
  }
}
