import { describe, expect, it } from '@jest/globals';
import { eventSerializer } from '../event-catalog.js';
import { changeEventContracts, changeEventTypes } from './change-event-contracts.js';
import type { ChangeEvent } from './change-events.js';

describe('change event contracts', () => {
  it('names every event type once, under a unique versioned change.* name', () => {
    const storedNames = changeEventContracts.map((contract) => contract.storedName);
    expect(new Set(storedNames).size).toBe(changeEventTypes.length);
    for (const name of storedNames) expect(name).toMatch(/^change\.[a-z]+(-[a-z]+)*\.v\d+$/);
  });

  it('round-trips a scheduling with its conflicts through JSON', () => {
    const event: ChangeEvent = {
      type: 'ChangeScheduled',
      data: {
        plannedStart: '2026-03-02T20:00:00.000Z',
        plannedEnd: '2026-03-02T22:00:00.000Z',
        conflicts: [{ kind: 'BLACKOUT', windowId: 'w-1', name: 'Quarter end', start: '2026-03-02T00:00:00.000Z', end: '2026-03-03T00:00:00.000Z' }],
        enteredScheduled: false,
        at: '2026-03-01T09:00:00.000Z',
      },
    };
    const stored = eventSerializer.serialize(event);
    expect(stored.type).toBe('change.scheduled.v1');
    expect(eventSerializer.deserialize({ type: stored.type, data: JSON.parse(JSON.stringify(stored.data)) })).toEqual(event);
  });
});
