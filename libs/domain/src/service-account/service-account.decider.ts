import type { ServiceAccountEvent } from '#events';
import type { Decider } from '../decider.js';
import type { ServiceAccountCommand } from './service-account.commands.js';
import { decideServiceAccount } from './service-account.decide.js';
import { evolveServiceAccount, initialServiceAccountState, type ServiceAccountState } from './service-account.state.js';

export const serviceAccountDecider: Decider<ServiceAccountCommand, ServiceAccountEvent, ServiceAccountState> = {
  version: 1,
  initialState: initialServiceAccountState,
  evolve: evolveServiceAccount,
  decide: decideServiceAccount,
};
