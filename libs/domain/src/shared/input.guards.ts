import { levels, type Level } from '#events';
import { DomainError } from '../domain-error.js';

/**
 * Checks of user input every decider runs before producing events; each throws BAD_USER_INPUT
 * naming the field.
 */

export function requireText(value: string, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw DomainError.badUserInput(field, `${field} must not be empty`);
  }
  return value;
}

/** Null stays null (cleared); a given value must not be blank. */
export function optionalText(value: string | null, field: string): string | null {
  return value === null ? null : requireText(value, field);
}

/** Impact or urgency. */
export function requireLevel(value: number, field: string): Level {
  const level = levels.find((candidate) => candidate === value);
  if (level === undefined) throw DomainError.badUserInput(field, `${field} must be 1, 2 or 3`);
  return level;
}

export function requireOneOf<T extends string>(value: T, allowed: readonly T[], field: string): T {
  if (!allowed.includes(value)) {
    throw DomainError.badUserInput(field, `${field} must be one of ${allowed.join(', ')}`);
  }
  return value;
}
