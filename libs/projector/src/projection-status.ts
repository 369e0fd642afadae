import type { Position } from '#event-store';

export interface ProjectionStatus {
  readonly projection: string;
  readonly position: string | undefined;
  /** Events applied since this runner was made. */
  readonly eventsApplied: number;
  readonly lastError: string | undefined;
  /**
   * The position of an event the product did not write, where the projection stopped; an
   * operator skips it with `projector skip-foreign-event <position>`.
   */
  readonly blockedAt: string | undefined;
}

/**
 * Where health and metrics read how the projections of this process are doing. The projector
 * module provides it; a process that runs no projector has none, and reports no projections.
 */
export interface ProjectionStatusSource {
  status(): readonly ProjectionStatus[];
  /**
   * Whether this process leads the projection and has committed everything of it up to
   * `position`, though its stored checkpoint may lag behind over events it does not follow.
   */
  hasPassed(projection: string, position: Position): boolean;
}

export const PROJECTION_STATUS = Symbol('PROJECTION_STATUS');
