import type { Decider, DomainCommand } from '#domain';
import type { DomainEvent, RecordKind } from '#events';
import type { CommandEnvelope } from './command-envelope.js';
import type { RecordStates } from './record-states.js';
import type { TenantSettingsService } from './tenant-settings.service.js';

/** What a person or service asks of a record: a domain command without the metadata the server adds. */
export interface RecordIntent {
  readonly type: string;
  readonly data: object;
}

/** The identity the server gives a record it opens. */
export interface NewRecord {
  readonly id: string;
  readonly tenant: string;
  readonly number: string;
}

/** What a definition's hooks may read besides the caller's input. */
export interface RecordCommandContext {
  readonly envelope: CommandEnvelope;
  readonly settings: TenantSettingsService;
  /** Other records' states, for intents that name one (links, a change's template). */
  readonly records: RecordStates;
}

/**
 * Everything the one command path needs to know about a kind of record; the mechanism (ids,
 * numbers, idempotency, scope, the executor) is the same for all of them.
 */
export interface RecordDefinition<
  Command extends DomainCommand,
  Event extends DomainEvent,
  State,
  OpenFields extends object,
  Intent extends RecordIntent,
> {
  /** Names its streams (`<kind>-<tenant>-<id>`), its numbers' prefix and its NOT_FOUND refusals. */
  readonly kind: RecordKind;
  readonly decider: Decider<Command, Event, State>;
  /**
   * UUID v5 namespace of the ids derived from a caller's idempotency key, so a retried open finds
   * the record the first attempt opened. Never change it: retries would open a second record.
   */
  readonly idNamespace: string;
  /** The command that opens a record from what the caller chose; may read settings (the SLA policy). */
  open(fields: OpenFields, record: NewRecord, context: RecordCommandContext): Promise<Command>;
  /** The domain command for an intent on an existing record, with what the server supplies. */
  complete(intent: Intent, context: RecordCommandContext): Promise<Command>;
  /**
   * Who the record was raised for, undefined while it does not exist: a command in the caller's
   * scope reaches only records the actor was the caller of. Without it, no record is in scope.
   */
  callerOf?(state: State): string | undefined;
}

/** Any definition, for the mechanism that handles them all. */
export type AnyRecordDefinition = RecordDefinition<DomainCommand, DomainEvent, unknown, object, RecordIntent>;

export type OpenFieldsOf<D> = D extends RecordDefinition<DomainCommand, DomainEvent, unknown, infer F, RecordIntent> ? F : never;
export type IntentOf<D> = D extends RecordDefinition<DomainCommand, DomainEvent, unknown, object, infer I> ? I : never;
export type CommandOf<D> = D extends RecordDefinition<infer C, DomainEvent, unknown, object, RecordIntent> ? C : never;
