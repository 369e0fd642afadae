import type { ChangeTemplateEvent } from '#events';
import type { Decider } from '../decider.js';
import type { ChangeTemplateCommand } from './change-template.commands.js';
import { decideChangeTemplate } from './change-template.decide.js';
import { evolveChangeTemplate, initialChangeTemplateState, type ChangeTemplateState } from './change-template.state.js';

export const changeTemplateDecider: Decider<ChangeTemplateCommand, ChangeTemplateEvent, ChangeTemplateState> = {
  version: 1,
  initialState: initialChangeTemplateState,
  evolve: evolveChangeTemplate,
  decide: decideChangeTemplate,
};
