import { registerEnumType } from '@nestjs/graphql';
import { priorities, type Priority } from '#events';
import { enumOf } from './enum-of.js';

/** The priority every ITSM record is rated with (incidents and problems share the matrix). */
export const PriorityEnum = enumOf<Priority>(priorities);

registerEnumType(PriorityEnum, {
  name: 'Priority',
  description: 'How soon a record must be dealt with, derived from impact x urgency (ITIL priority matrix)',
  valuesMap: {
    P1: { description: 'Critical: impact 1 and urgency 1' },
    P2: { description: 'High: impact + urgency = 3' },
    P3: { description: 'Moderate: impact + urgency = 4' },
    P4: { description: 'Low: impact + urgency = 5' },
    P5: { description: 'Planning: impact 3 and urgency 3' },
  },
});
