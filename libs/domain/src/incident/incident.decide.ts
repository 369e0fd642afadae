import type { IncidentEvent } from '#events';
import { normalizeInstant } from '../instant.js';
import type { IncidentCommand } from './incident.commands.js';
import type { IncidentState } from './incident.state.js';
import {
  decideChangeLink,
  decideComment,
  decideFollowUpFlag,
  decideProblemLink,
  decideProblemUnlink,
  decideWorkNote,
} from './incident-collaboration.decide.js';
import {
  decideCancel,
  decideClose,
  decideHold,
  decideOpen,
  decideReopen,
  decideResolve,
  decideResume,
  decideStartWork,
} from './incident-lifecycle.decide.js';
import { decideAlertClear, decideAlertRaise } from './incident-alert.decide.js';
import { decideSlaRecord } from './incident-sla.decide.js';
import {
  decideAssign,
  decideDetailsUpdate,
  decideMajorIncident,
  decideReprioritize,
} from './incident-triage.decide.js';

/**
 * Routes each command to its decision. Checks run in this order: the incident exists
 * (NOT_FOUND), the input is sound (BAD_USER_INPUT), it fits the state (INVALID_TRANSITION).
 * Every event takes its instant from `metadata.now`, in canonical UTC form.
 */
export function decideIncident(command: IncidentCommand, state: IncidentState): IncidentEvent[] {
  const now = normalizeInstant(command.metadata.now);
  switch (command.type) {
    case 'OpenIncident':
      return decideOpen(command.data, state, now);
    case 'AssignIncident':
      return decideAssign(command.data, state, now);
    case 'StartIncidentWork':
      return decideStartWork(state, now);
    case 'PutIncidentOnHold':
      return decideHold(command.data, state, now);
    case 'ResumeIncident':
      return decideResume(state, now);
    case 'ReprioritizeIncident':
      return decideReprioritize(command.data, state, now);
    case 'UpdateIncidentDetails':
      return decideDetailsUpdate(command.data, state, now);
    case 'AddIncidentWorkNote':
      return decideWorkNote(command.data, state, now);
    case 'AddIncidentComment':
      return decideComment(command.data, state, now);
    case 'ResolveIncident':
      return decideResolve(command.data, state, now);
    case 'CloseIncident':
      return decideClose(command.data, state, now);
    case 'ReopenIncident':
      return decideReopen(command.data, state, now);
    case 'CancelIncident':
      return decideCancel(command.data, state, now);
    case 'DeclareMajorIncident':
      return decideMajorIncident(command.data, state, now);
    case 'LinkIncidentToProblem':
      return decideProblemLink(command.data, state, now);
    case 'UnlinkIncidentFromProblem':
      return decideProblemUnlink(command.data, state, now);
    case 'LinkIncidentToChange':
      return decideChangeLink(command.data, state, now);
    case 'FlagIncidentForFollowUp':
      return decideFollowUpFlag(command.data, state, now);
    case 'RecordIncidentSlaWarning':
      return decideSlaRecord(command.data.timer, 'WARNING', state, now);
    case 'RecordIncidentSlaBreach':
      return decideSlaRecord(command.data.timer, 'BREACH', state, now);
    case 'RaiseIncidentAlert':
      return decideAlertRaise(command.data, state, now);
    case 'ClearIncidentAlert':
      return decideAlertClear(command.data, state, now);
  }
}
