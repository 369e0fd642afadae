import type { ChangeEvent } from '#events';
import type { Decider } from '../decider.js';
import type { ChangeCommand } from './change.commands.js';
import { decideChange } from './change.decide.js';
import { evolveChange, initialChangeState, type ChangeState } from './change.state.js';

export const changeDecider: Decider<ChangeCommand, ChangeEvent, ChangeState> = {
  version: 1,
  initialState: initialChangeState,
  evolve: evolveChange,
  decide: decideChange,
};
