import type { ChangeFollowUp, ProblemResolution, ProblemStatus } from '#domain';
import type { Level, Priority } from '#events';
import type { RecordRow } from '../record-read-model.js';

/**
 * A row of the `problems` table: every field its own column, so lists filter and sort on real
 * columns and a field added to the domain state reaches the table only through this shape.
 */
export interface ProblemRow extends RecordRow {
  /** When the last event applied was recorded. */
  readonly updatedAt: string;
  readonly number: string;
  readonly state: ProblemStatus;
  readonly statement: string;
  readonly description: string;
  readonly serviceId: string | null;
  readonly impact: Level;
  readonly urgency: Level;
  readonly priority: Priority;
  readonly assignmentGroup: string | null;
  readonly assignee: string | null;
  readonly rootCause: string | null;
  readonly workaround: string | null;
  readonly knownError: boolean;
  readonly fixingChangeId: string | null;
  readonly followUps: readonly ChangeFollowUp[];
  readonly resolution: ProblemResolution | null;
  readonly loggedAt: string;
  /** The incidents that name this problem, oldest link first (kept from the incidents' events). */
  readonly linkedIncidentIds: readonly string[];
}
