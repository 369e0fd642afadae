import { DomainError } from '../domain-error.js';
import { normalizeInstant } from '../instant.js';
import { requireStatusOf } from '../shared/state.guards.js';
import type { Change, ChangeState, ChangeStatus } from './change.state.js';

/** The checks decide runs before producing events; each throws a DomainError. */

/** Cancel is refused only once the work is done (REVIEW) or the change is final. */
export const cancelableStatuses: readonly ChangeStatus[] = ['NEW', 'ASSESS', 'AUTHORIZE', 'SCHEDULED', 'IMPLEMENT'];

export const openStatuses: readonly ChangeStatus[] = [...cancelableStatuses, 'REVIEW'];

export function requireChange(state: ChangeState): Change {
  if (state === null) throw DomainError.notFound('Change not found');
  return state;
}

export function requireStatus(change: Change, allowed: readonly ChangeStatus[], action: string): void {
  requireStatusOf(`${change.type} change`, change, allowed, action);
}

/** An instant given by a user, in canonical UTC form. */
export function requireInstant(value: string, field: string): string {
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) {
    throw DomainError.badUserInput(field, `${field} must be an ISO-8601 date-time`);
  }
  return normalizeInstant(value);
}

/** At most this many services per change: a change touching more is a programme, not a change. */
export const maxChangeServices = 50;

/** Trimmed, non-blank, each once, in the order given. */
export function requireIdList(values: readonly string[], field: string, max: number): string[] {
  if (!Array.isArray(values) || values.length > max) {
    throw DomainError.badUserInput(field, `${field} must list at most ${max} ids`);
  }
  const ids = values.map((value) => (typeof value === 'string' ? value.trim() : ''));
  if (ids.some((id) => id === '')) throw DomainError.badUserInput(field, `${field} must not hold blank ids`);
  return [...new Set(ids)];
}
