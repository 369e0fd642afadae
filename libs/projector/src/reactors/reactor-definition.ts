import type pg from 'pg';
import type { React, RecordEventCause } from '#domain';
import type { DomainEvent } from '#events';
import type { RecordedEvent } from '#event-store';
import type { FollowedEvents } from '#read-model';

/**
 * State a reactor keeps from the log in tables of its own (the problem-fix links), so that what
 * it loads for a cause is what the log said at the cause.
 */
export interface KeptReactorState {
  /** The events that change it; they are never causes. */
  readonly follows: FollowedEvents;
  /**
   * Applies a run of them in the batch transaction: in log order, all of them before the next
   * cause, in as few statements as the tables allow.
   */
  apply(events: readonly RecordedEvent[], tx: pg.PoolClient): Promise<void>;
  /** Empties the tables, before a replay from the start. */
  reset(tx: pg.PoolClient): Promise<void>;
}

/**
 * A reactor of the log as the runtime (log-reactor.ts) runs it: the pure rule from the domain,
 * what it reacts to, and how to load the state the rule needs. The runtime does the rest:
 * checkpoint, outbox, command ids, sending.
 */
export interface LogReactorDefinition<Cause extends RecordEventCause<DomainEvent>, State> {
  /** Also its checkpoint's name: renaming it would react to the whole log again. */
  readonly name: string;
  /** Who acts, as the effects' events record it: `system:<what>`. */
  readonly actor: string;
  /**
   * UUID v5 namespace of the command ids derived from the cause event and each effect's key.
   * Never change it, or a cause decided again would act again.
   */
  readonly commandIdNamespace: string;
  /** The causes, by record kind and domain event type; `react` meets only these. */
  readonly reactsTo: FollowedEvents;
  readonly keeps?: KeptReactorState;
  /**
   * What `react` needs for one cause, read inside the batch transaction (so kept tables are as
   * of the cause); undefined when there is nothing to react on (the record is gone).
   */
  load(cause: Cause, tx: pg.PoolClient): Promise<State | undefined>;
  readonly react: React<Cause, State>;
}
