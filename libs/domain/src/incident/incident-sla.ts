import { incidentSlaTimerNames, type IncidentSlaTimer } from '#events';
import { msPerMinute, toEpochMs, toInstant } from '../instant.js';
import { isSlaClockPaused, type IncidentSlaClock } from './incident-sla-clock.js';
import type { Incident } from './incident.state.js';

/*
 * Reads of the SLA clock: when each threshold falls due, what is left to record. Pure: the
 * instant of interest is always an argument, never the system clock.
 */

export type SlaThreshold = 'WARNING' | 'BREACH';

const thresholdFractions: { readonly [T in SlaThreshold]: number } = { WARNING: 0.75, BREACH: 1 };

export type SlaTimerStatus = 'RUNNING' | 'PAUSED' | 'MET' | 'BREACHED' | 'CANCELED';

export interface SlaTimerView {
  readonly timer: IncidentSlaTimer;
  readonly targetMinutes: number;
  /**
   * MET and CANCELED once stopped; otherwise BREACHED once a breach is recorded (a breached
   * timer keeps counting, as in ServiceNow), else PAUSED or RUNNING.
   */
  readonly status: SlaTimerStatus;
  /** The deadline while the timer runs; null while paused or stopped. */
  readonly dueAt: string | null;
  /** When 75 % was or will be reached; null if unknowable (paused) or never (stopped first). */
  readonly warningAt: string | null;
  /** When 100 % was or will be reached; null as for `warningAt`. */
  readonly breachAt: string | null;
  readonly stoppedAt: string | null;
  readonly warned: boolean;
  readonly breached: boolean;
}

/** A threshold not yet recorded: the timer worker sends the matching Record command at `at`. */
export interface SlaDeadline {
  readonly timer: IncidentSlaTimer;
  readonly threshold: SlaThreshold;
  readonly at: string;
}

interface Segment {
  readonly start: number;
  /** Infinity while the segment is still running. */
  readonly end: number;
}

/** The stretches during which the timer ran, from the open time up to its stop. */
function runningSegments(clock: IncidentSlaClock, timer: IncidentSlaTimer): Segment[] {
  const stop = clock.timers[timer].stop;
  const stopMs = stop === null ? Infinity : toEpochMs(stop.at);
  const segments: Segment[] = [];
  let cursor = toEpochMs(clock.startedAt);
  for (const pause of clock.pauses) {
    if (cursor >= stopMs) return segments;
    segments.push({ start: cursor, end: Math.min(toEpochMs(pause.from), stopMs) });
    if (pause.to === null) return segments;
    cursor = toEpochMs(pause.to);
  }
  if (cursor < stopMs) segments.push({ start: cursor, end: stopMs });
  return segments;
}

/**
 * The instant running time reaches `elapsedMs`, or null when it has not and cannot yet (the
 * clock is paused or the timer stopped first). Reaching it is enough: the deadline is the first
 * instant of the breach, so a worker firing on it and a resolve at it agree.
 */
function instantAtElapsed(segments: readonly Segment[], elapsedMs: number): number | null {
  let accumulated = 0;
  for (const { start, end } of segments) {
    if (accumulated + (end - start) >= elapsedMs) return start + (elapsedMs - accumulated);
    accumulated += end - start;
  }
  return null;
}

function thresholdMs(targetMinutes: number, threshold: SlaThreshold): number {
  return targetMinutes * msPerMinute * thresholdFractions[threshold];
}

/** When the threshold was or will be crossed, or null (see `instantAtElapsed`). */
export function slaThresholdInstant(
  clock: IncidentSlaClock,
  timer: IncidentSlaTimer,
  threshold: SlaThreshold,
): string | null {
  const ms = instantAtElapsed(
    runningSegments(clock, timer),
    thresholdMs(clock.timers[timer].targetMinutes, threshold),
  );
  return ms === null ? null : toInstant(ms);
}

/** Running (not paused, not stopped) time of the timer at `at`. */
export function slaElapsedMs(clock: IncidentSlaClock, timer: IncidentSlaTimer, at: string): number {
  const atMs = toEpochMs(at);
  return runningSegments(clock, timer)
    .filter((segment) => segment.start < atMs)
    .reduce((total, segment) => total + Math.min(segment.end, atMs) - segment.start, 0);
}

function timerStatus(clock: IncidentSlaClock, timer: IncidentSlaTimer): SlaTimerStatus {
  const { stop, breached } = clock.timers[timer];
  if (stop !== null) return stop.outcome;
  if (breached) return 'BREACHED';
  return isSlaClockPaused(clock) ? 'PAUSED' : 'RUNNING';
}

function timerView(clock: IncidentSlaClock, timer: IncidentSlaTimer): SlaTimerView {
  const { targetMinutes, stop, warned, breached } = clock.timers[timer];
  const breachAt = slaThresholdInstant(clock, timer, 'BREACH');
  const running = stop === null && !isSlaClockPaused(clock);
  return {
    timer,
    targetMinutes,
    status: timerStatus(clock, timer),
    dueAt: running ? breachAt : null,
    warningAt: slaThresholdInstant(clock, timer, 'WARNING'),
    breachAt,
    stoppedAt: stop?.at ?? null,
    warned,
    breached,
  };
}

export function incidentSlaTimers(incident: Pick<Incident, 'sla'>): {
  readonly [T in IncidentSlaTimer]: SlaTimerView;
} {
  return {
    RESPONSE: timerView(incident.sla, 'RESPONSE'),
    RESOLUTION: timerView(incident.sla, 'RESOLUTION'),
  };
}

/**
 * Every threshold still to record whose instant is known, earliest first. Only timers that
 * still run or are paused qualify: a command that stops a timer records what fell due first.
 */
function pendingSlaDeadlines(clock: IncidentSlaClock): SlaDeadline[] {
  const pending: SlaDeadline[] = [];
  for (const timer of incidentSlaTimerNames) {
    const { stop, warned, breached } = clock.timers[timer];
    if (stop !== null) continue;
    const unrecorded: SlaThreshold[] = [
      ...(warned ? [] : ['WARNING' as const]),
      ...(breached ? [] : ['BREACH' as const]),
    ];
    for (const threshold of unrecorded) {
      const at = slaThresholdInstant(clock, timer, threshold);
      if (at !== null) pending.push({ timer, threshold, at });
    }
  }
  return pending.sort((a, b) => toEpochMs(a.at) - toEpochMs(b.at));
}

/**
 * The earliest warning or breach still to record, or null. It may lie in the past when the
 * worker is behind; recording it then catches up, and the next call gives the one after.
 */
export function nextSlaDeadline(incident: Incident): SlaDeadline | null {
  return pendingSlaDeadlines(incident.sla)[0] ?? null;
}

/** The thresholds that have fallen due by `now` and are not recorded yet, earliest first. */
export function dueSlaDeadlines(incident: Incident, now: string): SlaDeadline[] {
  const nowMs = toEpochMs(now);
  return pendingSlaDeadlines(incident.sla).filter((deadline) => toEpochMs(deadline.at) <= nowMs);
}
