import type { Decider } from '#domain';
import type { AppendResult, Position, RecordedEvent } from '#event-store';

/** The last event an earlier command appended under one actor's command id: a retry's answer. */
export interface EarlierCommand {
  readonly version: bigint;
  readonly position: Position;
  /** What that command asked, when it was recorded with a fingerprint. */
  readonly fingerprint: string | undefined;
}

/**
 * A record's stream folded as far as this process knows it: the state, the revision and position
 * of the last event folded, and every command id seen on it. It holds only what the store holds:
 * events read from the stream, and events this process appended under fresh ids (see
 * `DeciderCommandExecutor`). Commands on one record run one at a time, so it changes in place.
 */
export class FoldedRecord<Event, State> {
  state: State;
  /** -1 until the first event: a stream that does not exist yet. */
  revision = -1n;
  position: Position | undefined;
  /**
   * Set when the store may hold events after `revision` that this process has not read: another
   * process appended (a conflict said so), or this one appended under ids that an earlier append
   * may have used already. The next command reads those events before it decides.
   */
  mayBeBehind = false;
  /**
   * Every (actor, command id) of the stream, kept for as long as the record is cached: a retry
   * may come after thousands of other commands, and a miss must be certain without reading the
   * stream. At most one entry per event, so the cache's weight by events bounds it too.
   */
  private readonly commands = new Map<string, EarlierCommand>();

  constructor(readonly decider: Decider<never, Event, State>) {
    this.state = decider.initialState;
  }

  get exists(): boolean {
    return this.revision >= 0n;
  }

  /** How much of the cache the record takes: its events, which its state and command ids grow with. */
  get weight(): number {
    return Math.max(1, Number(this.revision) + 1);
  }

  /** Folds the next event read from the store. */
  fold(recorded: RecordedEvent, event: Event): void {
    this.state = this.decider.evolve(this.state, event);
    this.revision = recorded.revision;
    this.position = recorded.position;
    const { actor, commandId, commandFingerprint } = recorded.metadata;
    if (commandId !== undefined) {
      this.commands.set(commandKey(actor, commandId), {
        version: recorded.revision,
        position: recorded.position,
        fingerprint: commandFingerprint,
      });
    }
  }

  /** Moves on to the state after events this process has just appended under fresh ids. */
  appended(state: State, result: AppendResult): void {
    this.state = state;
    this.revision = result.nextExpectedRevision;
    this.position = result.position;
  }

  earlier(actor: string, commandId: string): EarlierCommand | undefined {
    return this.commands.get(commandKey(actor, commandId));
  }
}

/** Command ids belong to their actor: another actor's equal id is another command. */
function commandKey(actor: string, commandId: string): string {
  return JSON.stringify([actor, commandId]);
}
