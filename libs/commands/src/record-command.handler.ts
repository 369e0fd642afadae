import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '#domain';
import { canonicalRecordId, recordNumberPrefix, recordStreamId } from '#events';
import type { CommandEnvelope } from './command-envelope.js';
import { DeciderCommandExecutor, type CommandResult } from './decider-command-executor.js';
import { newRecordId } from './new-record-id.js';
import { RecordCommand, type RecordCommandResult, type RecordIntentScope } from './record-command.js';
import type { AnyRecordDefinition, RecordCommandContext, RecordIntent } from './record-definition.js';
import { RecordNumberAllocator } from './record-number-allocator.js';
import { RecordStates } from './record-states.js';
import { TenantSettingsService } from './tenant-settings.service.js';

/**
 * The one command path of every record: opens a record under a fresh (or key-derived) id and
 * number, or completes an intent on an existing one, then runs it through the executor. The
 * fingerprint of idempotency is taken from what the caller asked, never from what the server
 * added (clock, number, settings), so a retry under the same commandId matches its first run.
 */
@CommandHandler(RecordCommand)
export class RecordCommandHandler implements ICommandHandler<RecordCommand> {
  constructor(
    private readonly executor: DeciderCommandExecutor,
    private readonly numbers: RecordNumberAllocator,
    private readonly settings: TenantSettingsService,
    private readonly records: RecordStates,
  ) {}

  execute({ definition, target, envelope }: RecordCommand): Promise<RecordCommandResult> {
    return 'open' in target
      ? this.open(definition, target.open, envelope)
      : this.intent(definition, target.recordId, target.intent, target.scope, envelope);
  }

  private async open(definition: AnyRecordDefinition, fields: object, envelope: CommandEnvelope): Promise<RecordCommandResult> {
    const { tenant } = envelope;
    const id = newRecordId(definition.idNamespace, envelope);
    const number = await this.numbers.next(tenant, recordNumberPrefix(definition.kind));
    const command = await definition.open(fields, { id, tenant, number }, this.context(envelope));
    const result = await this.executor.execute(definition.decider, recordStreamId(definition.kind, tenant, id), command, envelope, {
      expectNew: true,
      intent: { type: command.type, data: fields },
    });
    return toResult(tenant, id, result);
  }

  private async intent(
    definition: AnyRecordDefinition,
    recordId: string,
    intent: RecordIntent,
    scope: RecordIntentScope,
    envelope: CommandEnvelope,
  ): Promise<RecordCommandResult> {
    const { tenant } = envelope;
    // Inputs are validated already; this guards the stream name against any other caller.
    const id = canonicalRecordId(recordId);
    if (!id) throw notFound(definition, recordId);
    const command = await definition.complete(intent, this.context(envelope));
    const result = await this.executor.execute(definition.decider, recordStreamId(definition.kind, tenant, id), command, envelope, {
      authorize: (state) => {
        if (scope === 'caller' && !isCallerOf(definition, state, envelope.actor)) throw notFound(definition, id);
      },
      intent,
    });
    return toResult(tenant, id, result);
  }

  private context(envelope: CommandEnvelope): RecordCommandContext {
    return { envelope, settings: this.settings, records: this.records };
  }
}

/** A missing record is in scope: the decider answers NOT_FOUND for it itself. */
function isCallerOf(definition: AnyRecordDefinition, state: unknown, actor: string): boolean {
  if (!definition.callerOf) return false;
  const caller = definition.callerOf(state);
  return caller === undefined || caller === actor;
}

function notFound(definition: AnyRecordDefinition, id: string): DomainError {
  return new DomainError('NOT_FOUND', `No ${definition.kind} ${id}`, 'id');
}

function toResult(tenant: string, recordId: string, result: CommandResult<unknown>): RecordCommandResult {
  return { tenant, recordId, version: result.version, position: result.position };
}
