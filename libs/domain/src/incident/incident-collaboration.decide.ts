import type { IncidentEvent } from '#events';
import type {
  AddIncidentComment,
  AddIncidentWorkNote,
  FlagIncidentForFollowUp,
  LinkIncidentToChange,
  LinkIncidentToProblem,
  UnlinkIncidentFromProblem,
} from './incident.commands.js';
import { openStatuses, refuseNoChange, requireIncident, requireStatus } from './incident.guards.js';
import { newFollowUp } from '../shared/follow-up.js';
import { requireText } from '../shared/input.guards.js';
import type { IncidentState } from './incident.state.js';

/**
 * Notes, comments and links. Welcome until the incident is final: after RESOLVED the caller
 * may still talk and a problem may still be linked; CLOSED and CANCELED records are read-only.
 */

export function decideWorkNote(
  data: AddIncidentWorkNote['data'],
  state: IncidentState,
  now: string,
): IncidentEvent[] {
  const incident = requireIncident(state);
  const text = requireText(data.text, 'text');
  requireStatus(incident, openStatuses, 'add a work note to');
  return [{ type: 'IncidentWorkNoteAdded', data: { text, at: now } }];
}

export function decideComment(
  data: AddIncidentComment['data'],
  state: IncidentState,
  now: string,
): IncidentEvent[] {
  const incident = requireIncident(state);
  const text = requireText(data.text, 'text');
  requireStatus(incident, openStatuses, 'comment on');
  return [{ type: 'IncidentCommentAdded', data: { text, at: now } }];
}

export function decideProblemLink(
  data: LinkIncidentToProblem['data'],
  state: IncidentState,
  now: string,
): IncidentEvent[] {
  const incident = requireIncident(state);
  const problemId = requireText(data.problemId, 'problemId');
  requireStatus(incident, openStatuses, 'link a problem to');
  if (incident.problemIds.includes(problemId))
    refuseNoChange(incident, `is already linked to problem ${problemId}`);
  return [{ type: 'IncidentLinkedToProblem', data: { problemId, at: now } }];
}

/** Naming the problem keeps a stale screen from unlinking a link someone else made meanwhile. */
export function decideProblemUnlink(
  data: UnlinkIncidentFromProblem['data'],
  state: IncidentState,
  now: string,
): IncidentEvent[] {
  const incident = requireIncident(state);
  const problemId = requireText(data.problemId, 'problemId');
  requireStatus(incident, openStatuses, 'unlink a problem from');
  if (!incident.problemIds.includes(problemId))
    refuseNoChange(incident, `is not linked to problem ${problemId}`);
  return [{ type: 'IncidentUnlinkedFromProblem', data: { problemId, at: now } }];
}

export function decideChangeLink(
  data: LinkIncidentToChange['data'],
  state: IncidentState,
  now: string,
): IncidentEvent[] {
  const incident = requireIncident(state);
  const changeId = requireText(data.changeId, 'changeId');
  requireStatus(incident, openStatuses, 'link a change to');
  if (incident.changeIds.includes(changeId))
    refuseNoChange(incident, `is already linked to change ${changeId}`);
  return [{ type: 'IncidentLinkedToChange', data: { changeId, at: now } }];
}

/** Recorded by the change follow-up process; see newFollowUp. */
export function decideFollowUpFlag(
  data: FlagIncidentForFollowUp['data'],
  state: IncidentState,
  now: string,
): IncidentEvent[] {
  const incident = requireIncident(state);
  return [{ type: 'IncidentFlaggedForFollowUp', data: newFollowUp('incident', incident, data, now) }];
}
