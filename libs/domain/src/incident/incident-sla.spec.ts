import { describe, expect, it } from '@jest/globals';
import type { IncidentEvent } from '#events';
import { foldEvents } from '../decider.js';
import {
  canceled,
  closed,
  event,
  historyIn,
  opened,
  putOnHold,
  reopened,
  resolved,
  resumed,
  slaPolicy,
  t,
  workStarted,
} from '../testing/incident-fixtures.js';
import { incidentDecider } from './incident.decider.js';
import type { Incident } from './incident.state.js';
import { incidentSlaTimers, nextSlaDeadline, slaElapsedMs } from './incident-sla.js';

/* P3: response 120 min (warning 90), resolution 1440 min (warning 1080); P1 resolution 240. */

const fold = (events: readonly IncidentEvent[]) => foldEvents(incidentDecider, events) as Incident;
const timers = (events: readonly IncidentEvent[]) => incidentSlaTimers(fold(events));
const started = [opened, workStarted(1)];
const warned = (minutes: number) =>
  event('IncidentSlaWarningReached', {
    timer: 'RESOLUTION',
    priority: 'P3',
    targetMinutes: 1440,
    at: t(minutes),
  });
const breached = (minutes: number) =>
  event('IncidentSlaBreached', {
    timer: 'RESOLUTION',
    priority: 'P3',
    targetMinutes: 1440,
    at: t(minutes),
  });
const toP1 = (minutes: number) =>
  event('IncidentReprioritized', {
    impact: 1,
    urgency: 1,
    priority: 'P1',
    previousPriority: 'P3',
    reason: 'Whole site down',
    slaTargets: slaPolicy.P1,
    at: t(minutes),
  });

describe(incidentSlaTimers.name, () => {
  it('runs both timers from the open instant', () => {
    expect(timers([opened])).toEqual({
      RESPONSE: {
        timer: 'RESPONSE',
        targetMinutes: 120,
        status: 'RUNNING',
        dueAt: t(120),
        warningAt: t(90),
        breachAt: t(120),
        stoppedAt: null,
        warned: false,
        breached: false,
      },
      RESOLUTION: {
        timer: 'RESOLUTION',
        targetMinutes: 1440,
        status: 'RUNNING',
        dueAt: t(1440),
        warningAt: t(1080),
        breachAt: t(1440),
        stoppedAt: null,
        warned: false,
        breached: false,
      },
    });
  });

  it('meets the response target when the incident first leaves NEW', () => {
    expect(timers(started).RESPONSE).toMatchObject({
      status: 'MET',
      stoppedAt: t(1),
      dueAt: null,
      warningAt: null,
      breachAt: null,
    });
  });

  it('pauses while ON_HOLD: nothing is due and the thresholds not reached are unknown', () => {
    expect(timers([...started, putOnHold(10)]).RESOLUTION).toMatchObject({
      status: 'PAUSED',
      dueAt: null,
      warningAt: null,
      breachAt: null,
    });
  });

  it('resumes with every deadline moved by the time on hold', () => {
    expect(timers([...started, putOnHold(10), resumed(70)]).RESOLUTION).toMatchObject({
      status: 'RUNNING',
      dueAt: t(1500),
      warningAt: t(1140),
      breachAt: t(1500),
    });
  });

  it('keeps the exact instant a threshold was crossed when a later hold is folded in', () => {
    const history = [...started, putOnHold(1000), resumed(1100), putOnHold(1300)];
    expect(timers(history).RESOLUTION).toMatchObject({
      status: 'PAUSED',
      warningAt: t(1180),
      breachAt: null,
    });
  });

  it('recomputes a reprioritised target from the original open time plus the time on hold', () => {
    const history = [...started, putOnHold(10), resumed(70), toP1(100)];
    expect(timers(history).RESOLUTION).toMatchObject({
      targetMinutes: 240,
      warningAt: t(240),
      breachAt: t(300),
    });
  });

  it('keeps the target a stopped timer was judged by', () => {
    expect(timers([...started, toP1(100)]).RESPONSE).toMatchObject({
      targetMinutes: 120,
      status: 'MET',
    });
  });

  it('meets the resolution target at RESOLVED', () => {
    expect(timers([...started, resolved(100)]).RESOLUTION).toMatchObject({
      status: 'MET',
      stoppedAt: t(100),
      dueAt: null,
      breachAt: null,
    });
  });

  it('continues the resolution timer after a reopen, not counting the time spent RESOLVED', () => {
    expect(timers([...started, resolved(100), reopened(400)]).RESOLUTION).toMatchObject({
      status: 'RUNNING',
      stoppedAt: null,
      dueAt: t(1740),
    });
  });

  it('ends a hold at a resolve from ON_HOLD, so a reopen restarts a running clock', () => {
    const history = [...started, putOnHold(10), resolved(70), reopened(100)];
    expect(timers(history).RESOLUTION).toMatchObject({ status: 'RUNNING', dueAt: t(1530) });
  });

  it('shows a recorded breach while the timer keeps counting, and remembers it once met', () => {
    const breachedHistory = [...started, warned(1080), breached(1440)];
    expect(timers(breachedHistory).RESOLUTION).toMatchObject({
      status: 'BREACHED',
      dueAt: t(1440),
      warned: true,
      breached: true,
    });
    expect(timers([...breachedHistory, resolved(1500)]).RESOLUTION).toMatchObject({
      status: 'MET',
      breachAt: t(1440),
      breached: true,
    });
  });

  it('cancels the timers that still run when the incident is canceled, also from a hold', () => {
    expect(timers([opened, canceled(5)])).toMatchObject({
      RESPONSE: { status: 'CANCELED', stoppedAt: t(5) },
      RESOLUTION: { status: 'CANCELED', stoppedAt: t(5) },
    });
    expect(timers([...started, putOnHold(10), canceled(20)])).toMatchObject({
      RESPONSE: { status: 'MET' },
      RESOLUTION: { status: 'CANCELED', stoppedAt: t(20) },
    });
  });
});

describe(slaElapsedMs.name, () => {
  const clock = fold([...started, putOnHold(10), resumed(70), resolved(100)]).sla;

  it.each([
    { at: 5, timer: 'RESOLUTION', minutes: 5 },
    { at: 40, timer: 'RESOLUTION', minutes: 10 },
    { at: 80, timer: 'RESOLUTION', minutes: 20 },
    { at: 500, timer: 'RESOLUTION', minutes: 40 },
    { at: 500, timer: 'RESPONSE', minutes: 1 },
  ] as const)('$timer at minute $at: $minutes minutes', ({ at, timer, minutes }) => {
    expect(slaElapsedMs(clock, timer, t(at))).toBe(minutes * 60_000);
  });
});

describe(nextSlaDeadline.name, () => {
  it('gives the thresholds to record in order, as they get recorded', () => {
    const responseWarned = event('IncidentSlaWarningReached', {
      timer: 'RESPONSE',
      priority: 'P3',
      targetMinutes: 120,
      at: t(90),
    });
    expect(nextSlaDeadline(fold([opened]))).toEqual({
      timer: 'RESPONSE',
      threshold: 'WARNING',
      at: t(90),
    });
    expect(nextSlaDeadline(fold([opened, responseWarned]))).toEqual({
      timer: 'RESPONSE',
      threshold: 'BREACH',
      at: t(120),
    });
    expect(nextSlaDeadline(fold(started))).toEqual({
      timer: 'RESOLUTION',
      threshold: 'WARNING',
      at: t(1080),
    });
    expect(nextSlaDeadline(fold([...started, warned(1080)]))).toEqual({
      timer: 'RESOLUTION',
      threshold: 'BREACH',
      at: t(1440),
    });
  });

  it('gives a crossed but unrecorded threshold even while paused, so a late worker catches up', () => {
    const history = [...started, putOnHold(1000), resumed(1100), putOnHold(1300)];
    expect(nextSlaDeadline(fold(history))).toEqual({
      timer: 'RESOLUTION',
      threshold: 'WARNING',
      at: t(1180),
    });
  });

  it('has nothing to schedule while paused short of a threshold, or once the timers stopped', () => {
    expect(nextSlaDeadline(fold(historyIn.ON_HOLD))).toBeNull();
    expect(nextSlaDeadline(fold([...started, resolved(5), closed(6)]))).toBeNull();
    expect(nextSlaDeadline(fold(historyIn.CANCELED))).toBeNull();
    expect(nextSlaDeadline(fold([...started, warned(1080), breached(1440)]))).toBeNull();
  });
});
