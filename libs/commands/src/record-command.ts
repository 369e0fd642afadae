import { Command } from '@nestjs/cqrs';
import type { Position } from '#event-store';
import type { CommandEnvelope } from './command-envelope.js';
import type { AnyRecordDefinition, IntentOf, OpenFieldsOf, RecordIntent } from './record-definition.js';

/**
 * `tenant`: any record of the envelope's tenant. `caller`: only a record the actor was the
 * caller of (requesters commenting on their own incidents); any other is NOT_FOUND, as they
 * cannot see it.
 */
export type RecordIntentScope = 'tenant' | 'caller';

/** What a record command hands back: enough for a mutation to build its payload. */
export interface RecordCommandResult {
  readonly tenant: string;
  readonly recordId: string;
  /** The record's version after the command. */
  readonly version: bigint;
  readonly position: Position | undefined;
}

export type RecordCommandTarget =
  | { readonly open: object }
  | { readonly recordId: string; readonly intent: RecordIntent; readonly scope: RecordIntentScope };

/**
 * Any command on any kind of record, opening one or acting on one; one handler runs them all
 * through the record's definition. Built through `open` and `intent`, which keep the fields and
 * intents typed by the definition.
 */
export class RecordCommand extends Command<RecordCommandResult> {
  private constructor(
    readonly definition: AnyRecordDefinition,
    readonly target: RecordCommandTarget,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }

  static open<D extends AnyRecordDefinition>(definition: D, fields: OpenFieldsOf<D>, envelope: CommandEnvelope): RecordCommand {
    return new RecordCommand(definition, { open: fields }, envelope);
  }

  static intent<D extends AnyRecordDefinition>(
    definition: D,
    recordId: string,
    intent: IntentOf<D>,
    envelope: CommandEnvelope,
    scope: RecordIntentScope = 'tenant',
  ): RecordCommand {
    return new RecordCommand(definition, { recordId, intent, scope }, envelope);
  }
}
