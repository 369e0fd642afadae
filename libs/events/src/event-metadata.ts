/** Who or what issued the command that produced an event. */
export type CommandOrigin = 'interactive' | 'automation' | 'system';

/**
 * The envelope stored beside every event's payload. Auditors read it to learn who did what and
 * why: the correlation id ties together everything one request set off, the causation id names
 * the message (command or event) that directly caused this one.
 */
export interface EventMetadata {
  readonly actor: string;
  readonly tenant: string;
  readonly correlationId: string;
  readonly causationId: string;
  /** The idempotency key, scoped to the actor: another actor's equal key is another command. */
  readonly commandId?: string;
  /** A hash of what the command asked, to tell a retry under `commandId` from a reuse of it. */
  readonly commandFingerprint?: string;
  readonly origin: CommandOrigin;
  /** The service account that sent the command (origin `automation`), when one did. */
  readonly serviceAccountId?: string;
  /** Why the actor did it, when the command said (reasons, notes from automation). */
  readonly reason?: string;
}
