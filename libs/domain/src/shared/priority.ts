import type { Level, Priority } from '#events';

/** SPEC.md's matrix: rows are impact, columns urgency, both 1 high .. 3 low. */
const priorityMatrix: readonly (readonly Priority[])[] = [
  ['P1', 'P2', 'P3'],
  ['P2', 'P3', 'P4'],
  ['P3', 'P4', 'P5'],
];

export const priorityLabels: { readonly [P in Priority]: string } = {
  P1: 'critical',
  P2: 'high',
  P3: 'moderate',
  P4: 'low',
  P5: 'planning',
};

export function priorityOf(impact: Level, urgency: Level): Priority {
  const priority = priorityMatrix[impact - 1]?.[urgency - 1];
  if (priority === undefined)
    throw new RangeError(`No priority for impact ${impact}, urgency ${urgency}`);
  return priority;
}
