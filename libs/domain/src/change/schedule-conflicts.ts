import type { ScheduleConflict, TimeWindow } from '#events';
import { toEpochMs } from '../instant.js';

/** Another change's planned window, as the calendar holds it. */
export interface PlannedChange extends TimeWindow {
  readonly changeId: string;
  readonly number: string;
  readonly serviceIds: readonly string[];
}

export interface BlackoutWindow extends TimeWindow {
  readonly windowId: string;
  readonly name: string;
}

/** What a window is checked against: the tenant's other planned, still active changes and its freezes. */
export interface ChangeCalendar {
  readonly changes: readonly PlannedChange[];
  readonly blackoutWindows: readonly BlackoutWindow[];
}

/** The change being planned: its own entry in the calendar is not a conflict. */
export interface WindowRequest {
  readonly changeId: string;
  readonly serviceIds: readonly string[];
  readonly window: TimeWindow;
}

/** Windows are half-open, so a change may start the instant another ends. */
export function windowsOverlap(a: TimeWindow, b: TimeWindow): boolean {
  return toEpochMs(a.start) < toEpochMs(b.end) && toEpochMs(b.start) < toEpochMs(a.end);
}

/**
 * Everything the window conflicts with: another change touching one of the same services at an
 * overlapping time, and every blackout window it overlaps. Changes first, each list by start.
 */
export function findScheduleConflicts(request: WindowRequest, calendar: ChangeCalendar): ScheduleConflict[] {
  const services = new Set(request.serviceIds);
  const changes: ScheduleConflict[] = calendar.changes.flatMap((other) => {
    const shared = other.serviceIds.filter((service) => services.has(service));
    if (other.changeId === request.changeId || shared.length === 0 || !windowsOverlap(request.window, other)) return [];
    const { changeId, number, start, end } = other;
    return [{ kind: 'CHANGE', changeId, number, serviceIds: shared, start, end }];
  });
  const blackouts: ScheduleConflict[] = calendar.blackoutWindows
    .filter((blackout) => windowsOverlap(request.window, blackout))
    .map(({ windowId, name, start, end }) => ({ kind: 'BLACKOUT', windowId, name, start, end }));
  return [...byStart(changes), ...byStart(blackouts)];
}

function byStart(conflicts: ScheduleConflict[]): ScheduleConflict[] {
  return conflicts.sort((a, b) => toEpochMs(a.start) - toEpochMs(b.start));
}
