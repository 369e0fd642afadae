import type { CommandOrigin } from '#events';

/** Who sends a command and how: becomes the metadata of every event the command appends. */
export interface CommandEnvelope {
  readonly tenant: string;
  readonly actor: string;
  readonly origin: CommandOrigin;
  /** The service account the actor is, when it is one. */
  readonly serviceAccountId?: string;
  /** Idempotency key: a command with an id already handled on a record appends nothing again. */
  readonly commandId?: string;
  readonly correlationId: string;
  readonly causationId: string;
  /** When given, the command is refused unless the record is still at this version. */
  readonly expectedVersion?: bigint;
  readonly reason?: string;
  /** The instant the command is decided at; the clock is read by the caller, not the decider. */
  readonly now: Date;
}
