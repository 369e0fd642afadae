import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  Clock,
  RecordCommand,
  type AnyRecordDefinition,
  type IntentOf,
  type OpenFieldsOf,
  type RecordCommandResult,
  type RecordIntentScope,
} from '#commands';
import { START } from '#event-store';
import type { Principal } from '../auth/principal.js';
import { PositionTokens } from '../read-model/position-tokens.service.js';
import { commandEnvelope, type CommandOptions } from './command-envelope.factory.js';

/** What every record mutation returns before its record is read: see the payload types. */
export interface RecordMutationResult {
  readonly tenant: string;
  readonly recordId: string;
  readonly version: string;
  /** A position token: pass as consistentWith to read your own write. */
  readonly position: string;
}

/**
 * What every record mutation does once it has its fields or intent: wrap them in an envelope
 * for the caller, send them through the CommandBus to the one record command handler, and
 * answer in the API's terms. An intent with a reason also records it in the envelope, so every
 * event of the command carries it in its metadata.
 */
@Injectable()
export class RecordCommandDispatcher {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly clock: Clock,
    private readonly positions: PositionTokens,
  ) {}

  async open<D extends AnyRecordDefinition>(
    definition: D,
    principal: Principal,
    options: CommandOptions,
    fields: OpenFieldsOf<D>,
  ): Promise<RecordMutationResult> {
    const envelope = commandEnvelope(principal, options, this.clock.now());
    return this.toMutationResult(await this.commandBus.execute(RecordCommand.open(definition, fields, envelope)));
  }

  async send<D extends AnyRecordDefinition>(
    definition: D,
    principal: Principal,
    input: CommandOptions & { readonly id: string },
    intent: IntentOf<D>,
    scope: RecordIntentScope = 'tenant',
  ): Promise<RecordMutationResult> {
    const data: object = intent.data;
    const reason = 'reason' in data && typeof data.reason === 'string' ? data.reason : undefined;
    const envelope = commandEnvelope(principal, input, this.clock.now(), { reason });
    return this.toMutationResult(await this.commandBus.execute(RecordCommand.intent(definition, input.id, intent, envelope, scope)));
  }

  private async toMutationResult({ tenant, recordId, version, position }: RecordCommandResult): Promise<RecordMutationResult> {
    return { tenant, recordId, version: version.toString(), position: await this.positions.encode(position ?? START) };
  }
}
