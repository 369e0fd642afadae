import { foldEvents, type Decider } from '../decider.js';
import { DomainError, type DomainErrorCode } from '../domain-error.js';

/**
 * Given/when/then for deciders, framework-free: the outcome is plain data that a test compares
 * with `toEqual`, so a table row reads as the specification it checks.
 */
export type DecisionOutcome<E> =
  | { readonly events: readonly E[] }
  | { readonly refused: DomainErrorCode; readonly field?: string };

export interface DeciderCase<C, E> {
  readonly name: string;
  readonly given: readonly E[];
  readonly when: C;
  readonly then: DecisionOutcome<E>;
}

export function thenEvents<E>(...events: readonly NoInfer<E>[]): DecisionOutcome<E> {
  return { events };
}

export function thenRefused(code: DomainErrorCode, field?: string): DecisionOutcome<never> {
  return field === undefined ? { refused: code } : { refused: code, field };
}

/** Folds `given`, decides `when`; a DomainError becomes a refusal, anything else propagates. */
export function decideAfter<C, E, S>(
  decider: Decider<C, E, S>,
  given: readonly E[],
  when: C,
): DecisionOutcome<E> {
  const state = foldEvents(decider, given);
  try {
    return thenEvents(...decider.decide(when, state));
  } catch (error) {
    if (error instanceof DomainError) return thenRefused(error.code, error.field);
    throw error;
  }
}
