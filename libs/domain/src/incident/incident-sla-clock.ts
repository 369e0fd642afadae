import type { IncidentSlaTargets, IncidentSlaTimer } from '#events';

/*
 * The SLA clock as state. One clock runs from the open time for both timers; it does not run
 * while the incident is ON_HOLD, nor while it sat RESOLVED before a reopen. Those stretches are
 * kept as intervals rather than a running total of paused time, so the instant a threshold was
 * crossed stays exact even when a later hold or a reprioritisation is folded in after it.
 * These transitions are used by `evolve` only; reads live in incident-sla.ts.
 */

export interface SlaPause {
  readonly from: string;
  /** Null while the pause lasts. */
  readonly to: string | null;
}

export type SlaOutcome = 'MET' | 'CANCELED';

export interface SlaTimerClock {
  readonly targetMinutes: number;
  /** When the timer stopped for good (or, for resolution, until a reopen). */
  readonly stop: { readonly at: string; readonly outcome: SlaOutcome } | null;
  readonly warned: boolean;
  readonly breached: boolean;
}

export interface IncidentSlaClock {
  readonly startedAt: string;
  readonly pauses: readonly SlaPause[];
  readonly timers: { readonly [T in IncidentSlaTimer]: SlaTimerClock };
}

function runningTimer(targetMinutes: number): SlaTimerClock {
  return { targetMinutes, stop: null, warned: false, breached: false };
}

function mapTimers(
  clock: IncidentSlaClock,
  update: (timer: SlaTimerClock, name: IncidentSlaTimer) => SlaTimerClock,
): IncidentSlaClock {
  const { RESPONSE, RESOLUTION } = clock.timers;
  return {
    ...clock,
    timers: {
      RESPONSE: update(RESPONSE, 'RESPONSE'),
      RESOLUTION: update(RESOLUTION, 'RESOLUTION'),
    },
  };
}

export function startSlaClock(openedAt: string, targets: IncidentSlaTargets): IncidentSlaClock {
  return {
    startedAt: openedAt,
    pauses: [],
    timers: {
      RESPONSE: runningTimer(targets.responseMinutes),
      RESOLUTION: runningTimer(targets.resolutionMinutes),
    },
  };
}

export function isSlaClockPaused(clock: IncidentSlaClock): boolean {
  return clock.pauses.at(-1)?.to === null;
}

export function pauseSlaClock(clock: IncidentSlaClock, at: string): IncidentSlaClock {
  if (isSlaClockPaused(clock)) return clock;
  return { ...clock, pauses: [...clock.pauses, { from: at, to: null }] };
}

export function resumeSlaClock(clock: IncidentSlaClock, at: string): IncidentSlaClock {
  const last = clock.pauses.at(-1);
  if (last === undefined || last.to !== null) return clock;
  return { ...clock, pauses: [...clock.pauses.slice(0, -1), { from: last.from, to: at }] };
}

/**
 * Stops the named timers that still run; a stopped timer keeps its first outcome. Stopping also
 * ends a pause, so that a reopen later restarts from a clock that is not paused.
 */
export function stopSlaTimers(
  clock: IncidentSlaClock,
  names: readonly IncidentSlaTimer[],
  at: string,
  outcome: SlaOutcome,
): IncidentSlaClock {
  return mapTimers(resumeSlaClock(clock, at), (timer, name) =>
    timer.stop === null && names.includes(name) ? { ...timer, stop: { at, outcome } } : timer,
  );
}

/** Reopen: the resolution timer runs again; the time spent RESOLVED does not count. */
export function restartResolutionTimer(clock: IncidentSlaClock, at: string): IncidentSlaClock {
  const stop = clock.timers.RESOLUTION.stop;
  if (stop === null) return clock;
  const restarted = mapTimers(clock, (timer, name) =>
    name === 'RESOLUTION' ? { ...timer, stop: null } : timer,
  );
  return { ...restarted, pauses: [...clock.pauses, { from: stop.at, to: at }] };
}

/**
 * New targets apply to timers still running or paused; a stopped timer keeps the target it was
 * judged by. As in ServiceNow, where the old SLA is cancelled and a new one attached from the
 * original start, a retargeted timer forgets its warning and breach: thresholds the new target
 * has already passed are recorded again, at the instants the new target puts them.
 */
export function retargetSlaClock(
  clock: IncidentSlaClock,
  targets: IncidentSlaTargets,
): IncidentSlaClock {
  const minutes = { RESPONSE: targets.responseMinutes, RESOLUTION: targets.resolutionMinutes };
  return mapTimers(clock, (timer, name) =>
    timer.stop === null && timer.targetMinutes !== minutes[name]
      ? runningTimer(minutes[name])
      : timer,
  );
}

export function markSlaThresholdRecorded(
  clock: IncidentSlaClock,
  name: IncidentSlaTimer,
  threshold: 'warned' | 'breached',
): IncidentSlaClock {
  return mapTimers(clock, (timer, current) =>
    current === name ? { ...timer, [threshold]: true } : timer,
  );
}
