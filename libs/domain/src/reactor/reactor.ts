import type { ChangeEvent, IncidentEvent, ProblemEvent } from '#events';
import type { IncidentCommand } from '../incident/incident.commands.js';
import type { ProblemCommand } from '../problem/problem.commands.js';

/**
 * A record's event as a reactor meets it: which record it happened to, and the instant the
 * reactor handles it (time as data: the effects are decided then, not when the cause happened).
 */
export interface RecordEventCause<E> {
  readonly tenant: string;
  readonly recordId: string;
  readonly event: E;
  readonly now: string;
}

export type IncidentEventCause = RecordEventCause<IncidentEvent>;
export type ProblemEventCause = RecordEventCause<ProblemEvent>;
export type ChangeEventCause = RecordEventCause<ChangeEvent>;

/** A command to one record: which kind, tenant and record, and the domain command. */
export type CommandToRecord =
  | { readonly kind: 'incident'; readonly tenant: string; readonly recordId: string; readonly command: IncidentCommand }
  | { readonly kind: 'problem'; readonly tenant: string; readonly recordId: string; readonly command: ProblemCommand };

/**
 * A command a reactor sends. `key` names the effect among those of one cause (the record it acts
 * on, for a process manager): the runtime derives the command id from the cause and the key, so
 * reacting to the same cause again sends the same ids and acts once.
 */
export type ReactorCommand = CommandToRecord & { readonly key: string };

/**
 * A reactor's whole rule: the commands a cause calls for, given the state the runtime loaded for
 * it. Pure: no clock, no I/O, the same answer for the same input, so a replay decides the same.
 */
export type React<Cause, State> = (cause: Cause, state: State) => readonly ReactorCommand[];
