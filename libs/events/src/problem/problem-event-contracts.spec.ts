import { describe, expect, it } from '@jest/globals';
import { eventSerializer } from '../event-catalog.js';
import { problemEventContracts, problemEventTypes } from './problem-event-contracts.js';
import type { ProblemEvent } from './problem-events.js';

describe('problem event contracts', () => {
  it('names every event type once, under a unique versioned problem.* name', () => {
    const storedNames = problemEventContracts.map((contract) => contract.storedName);
    expect(new Set(storedNames).size).toBe(problemEventTypes.length);
    for (const name of storedNames) expect(name).toMatch(/^problem\.[a-z]+(-[a-z]+)*\.v\d+$/);
  });

  it('round-trips through the product serializer as JSON', () => {
    const event: ProblemEvent = {
      type: 'ProblemResolved',
      data: { resolutionCode: 'DUPLICATE', duplicateOf: 'b1c2', resolutionNotes: 'Same as PRB0001002', at: '2026-03-03T09:00:00.000Z' },
    };
    const stored = eventSerializer.serialize(event);
    expect(stored.type).toBe('problem.resolved.v1');
    expect(eventSerializer.deserialize({ type: stored.type, data: JSON.parse(JSON.stringify(stored.data)) })).toEqual(event);
  });
});
