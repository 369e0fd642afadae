import { describe, expect, it } from '@jest/globals';
import type { Level } from '#events';
import { priorityOf, priorityLabels } from './priority.js';

describe(priorityOf.name, () => {
  it.each([
    { impact: 1, urgency: 1, priority: 'P1' },
    { impact: 1, urgency: 2, priority: 'P2' },
    { impact: 1, urgency: 3, priority: 'P3' },
    { impact: 2, urgency: 1, priority: 'P2' },
    { impact: 2, urgency: 2, priority: 'P3' },
    { impact: 2, urgency: 3, priority: 'P4' },
    { impact: 3, urgency: 1, priority: 'P3' },
    { impact: 3, urgency: 2, priority: 'P4' },
    { impact: 3, urgency: 3, priority: 'P5' },
  ] as const)('impact $impact x urgency $urgency is $priority', ({ impact, urgency, priority }) => {
    expect(priorityOf(impact, urgency)).toBe(priority);
  });

  it('labels priorities as SPEC.md does', () => {
    expect(Object.values(priorityLabels)).toEqual([
      'critical',
      'high',
      'moderate',
      'low',
      'planning',
    ]);
  });

  it('has no priority off the matrix', () => {
    expect(() => priorityOf(4 as Level, 1)).toThrow(RangeError);
  });
});
