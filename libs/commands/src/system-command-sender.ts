import { Injectable } from '@nestjs/common';
import { DomainError } from '#domain';
import { recordStreamId } from '#events';
import type { CommandEnvelope } from './command-envelope.js';
import { DeciderCommandExecutor } from './decider-command-executor.js';
import type { AnyRecordDefinition, CommandOf } from './record-definition.js';

/** A command the system itself sends to a record, as a timer or a process manager does. */
export interface SystemCommand<D extends AnyRecordDefinition> {
  readonly tenant: string;
  readonly recordId: string;
  readonly command: CommandOf<D>;
  /**
   * Derived from what made the system act (the threshold and instant that fell due, the event
   * reacted to), so sending again after a crash, or from stale read models, repeats the id and
   * the executor answers with the earlier result instead of appending twice.
   */
  readonly commandId: string;
  /** Who acts, as events record it: `system:<what>`. */
  readonly actor: string;
  readonly now: Date;
  /**
   * What the effect follows from, for a process manager: the cause event's id and the
   * correlation id it carried, so history ties the effect to it. Without them (timers), the
   * command id stands for both.
   */
  readonly cause?: { readonly causationId: string; readonly correlationId: string };
}

export type SystemCommandOutcome =
  | { readonly done: 'now' }
  /** Nothing appended: the same command id had been handled, or there was nothing to add. */
  | { readonly done: 'before' }
  /** Refused as no longer fitting the record: someone or something did it first. */
  | { readonly done: 'otherwise'; readonly refusal: string };

/**
 * Sends system commands at least once with effect at most once. Besides the repeated command id,
 * the decider refuses what is already recorded or no longer fits the record (INVALID_TRANSITION):
 * for a system command that means someone or something did it first, which is done too.
 */
@Injectable()
export class SystemCommandSender {
  constructor(private readonly executor: DeciderCommandExecutor) {}

  async send<D extends AnyRecordDefinition>(definition: D, command: SystemCommand<D>): Promise<SystemCommandOutcome> {
    const { tenant, recordId, commandId, actor, now } = command;
    const envelope: CommandEnvelope = {
      tenant,
      actor,
      origin: 'system',
      commandId,
      correlationId: command.cause?.correlationId ?? commandId,
      causationId: command.cause?.causationId ?? commandId,
      now,
    };
    try {
      const streamId = recordStreamId(definition.kind, tenant, recordId);
      const { appended } = await this.executor.execute(definition.decider, streamId, command.command, envelope);
      return { done: appended ? 'now' : 'before' };
    } catch (error) {
      if (error instanceof DomainError && error.code === 'INVALID_TRANSITION') return { done: 'otherwise', refusal: error.message };
      throw error;
    }
  }
}
