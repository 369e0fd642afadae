import type { ReactorCommand } from '../reactor/reactor.js';

/**
 * Given/when/then for reactors, like the deciders': given the state the runtime loads for the
 * cause, when the cause, then these commands (none: the rule does not apply).
 */
export interface ReactorCase<Cause, State> {
  readonly name: string;
  readonly given: State;
  readonly when: Cause;
  readonly then: readonly ReactorCommand[];
}

export function thenCommands(...commands: readonly ReactorCommand[]): readonly ReactorCommand[] {
  return commands;
}

export const thenNothing: readonly ReactorCommand[] = [];
