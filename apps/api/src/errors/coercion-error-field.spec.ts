import { describe, expect, it } from '@jest/globals';
import { coercionErrorField } from './coercion-error-field.js';

describe(coercionErrorField.name, () => {
  it.each([
    ['Variable "$i" got invalid value { impact: 1 }; Field "title" of required type "String!" was not provided.', 'title'],
    ['Variable "$i" got invalid value "high" at "i.impact"; Int cannot represent non-integer value: "high"', 'impact'],
    ['Variable "$input" got invalid value {} at "input.policy"; Field "P4" of required type "SlaTargetsInput!" was not provided.', 'policy.P4'],
    ['Variable "$input" got invalid value { x: 1 }; Field "x" is not defined by type "OpenIncidentInput".', 'x'],
    ['Variable "$id" of required type "ID!" was not provided.', undefined],
    ['Variable "$id" got invalid value 5; ID cannot represent value: 5', 'id'],
    ['Syntax Error: Unexpected Name "x".', undefined],
  ])('%s → %s', (message, field) => {
    expect(coercionErrorField(message)).toBe(field);
  });
});
