import type { ChangeEvent } from '#events';
import { normalizeInstant } from '../instant.js';
import type { ChangeCommand } from './change.commands.js';
import type { ChangeState } from './change.state.js';
import { decideApprove, decideAssess, decideReject, decideSubmit } from './change-authorization.decide.js';
import {
  decideCancel,
  decideComplete,
  decideIncidentLink,
  decideProblemLink,
  decideReview,
  decideSchedule,
  decideStart,
} from './change-delivery.decide.js';
import { decideDetailsUpdate, decideRequest, decideTypeChange } from './change-request.decide.js';

/**
 * Routes each command to its decision. Checks run in this order: the change exists (NOT_FOUND),
 * the input is sound (BAD_USER_INPUT), it fits the state (INVALID_TRANSITION), the actor may act
 * on it (FORBIDDEN), the window is clear (SCHEDULE_CONFLICT, STANDARD only).
 */
export function decideChange(command: ChangeCommand, state: ChangeState): ChangeEvent[] {
  const now = normalizeInstant(command.metadata.now);
  switch (command.type) {
    case 'RequestChange':
      return decideRequest(command.data, state, now);
    case 'UpdateChangeDetails':
      return decideDetailsUpdate(command.data, state, now);
    case 'SetChangeType':
      return decideTypeChange(command.data, state, now);
    case 'SubmitChange':
      return decideSubmit(command.data, state, now);
    case 'AssessChangeRisk':
      return decideAssess(command.data, state, now);
    case 'ApproveChange':
      return decideApprove(command.data, state, now);
    case 'RejectChange':
      return decideReject(command.data, state, now);
    case 'ScheduleChange':
      return decideSchedule(command.data, state, now);
    case 'StartChangeImplementation':
      return decideStart(state, now);
    case 'CompleteChangeImplementation':
      return decideComplete(command.data, state, now);
    case 'CompleteChangeReview':
      return decideReview(command.data, state, now);
    case 'CancelChange':
      return decideCancel(command.data, state, now);
    case 'LinkChangeToIncident':
      return decideIncidentLink(command.data, state, now);
    case 'LinkChangeToProblem':
      return decideProblemLink(command.data, state, now);
  }
}
