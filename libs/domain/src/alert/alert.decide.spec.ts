import { describe, expect, it } from '@jest/globals';
import type { AlertEvent } from '#events';
import { decideAfter, thenEvents, type DeciderCase } from '../testing/decider-specification.js';
import type { AlertCommand } from './alert.commands.js';
import { alertDecider } from './alert.decider.js';

const at = '2026-03-02T09:00:00.000Z';
const start = (afterEpisode: number, incidentId: string): AlertCommand => ({
  type: 'StartAlertEpisode',
  data: { source: 'prometheus', fingerprint: 'disk', afterEpisode, incidentId },
  metadata: { now: at },
});
const started = (episode: number, incidentId: string): AlertEvent => ({
  type: 'AlertEpisodeStarted',
  data: { source: 'prometheus', fingerprint: 'disk', episode, incidentId, at },
});

const cases: DeciderCase<AlertCommand, AlertEvent>[] = [
  { name: 'the first alert starts episode 1 with its incident', given: [], when: start(0, 'inc-1'), then: thenEvents(started(1, 'inc-1')) },
  { name: 'after an episode the next one starts', given: [started(1, 'inc-1')], when: start(1, 'inc-2'), then: thenEvents(started(2, 'inc-2')) },
  { name: 'a racer that saw an older episode starts nothing', given: [started(1, 'inc-1')], when: start(0, 'inc-1'), then: thenEvents() },
];

describe('alert episodes', () => {
  it.each(cases)('$name', ({ given, when, then }) => {
    expect(decideAfter(alertDecider, given, when)).toEqual(then);
  });
});
