/**
 * A record's whole behaviour as three pure parts (Emmett's decider): the state before anything
 * happened, how an event changes the state, and which events a command produces from a state.
 * `decide` throws a DomainError to refuse a command; a refusal appends nothing.
 */
export interface Decider<C, E, S> {
  /**
   * The version of the state's shape. Whatever keeps folded state (read-model rows, command
   * caches, snapshots) keys it by this, so bump it whenever `evolve` or the state changes.
   */
  readonly version: number;
  readonly initialState: S;
  evolve(state: S, event: E): S;
  decide(command: C, state: S): E[];
}

/** Folds history into the current state. */
export function foldEvents<C, E, S>(
  decider: Decider<C, E, S>,
  events: readonly E[],
  from: S = decider.initialState,
): S {
  return events.reduce((state, event) => decider.evolve(state, event), from);
}
