import { Injectable, Logger } from '@nestjs/common';
import type { CommandToRecord } from '#domain';
import { incidentRecord, problemRecord, SystemCommandSender, type SystemCommandOutcome } from '#commands';

/** One command a reactor sends, with the id it goes out under and what it follows from. */
export interface ReactorEffect {
  readonly command: CommandToRecord;
  /** Derived from the cause (or, for timers, from what fell due): resending repeats it. */
  readonly commandId: string;
  /** Who acts, as events record it: `system:<what>`. */
  readonly actor: string;
  /** The cause event's id and the correlation id it carried; timers have no cause event. */
  readonly cause?: { readonly causationId: string; readonly correlationId: string };
}

const RECORDS = { incident: incidentRecord, problem: problemRecord } as const;

/**
 * The one way a reactor's effect reaches a record, for the reactors of the log and for the
 * timers alike: through the system command sender, at the instant the reactor decided it. A
 * record that refuses it (no longer open, already flagged) had it done otherwise: logged at
 * debug and counted as done. Anything else throws, and the caller sends it again later.
 */
@Injectable()
export class ReactorEffectSender {
  private readonly logger = new Logger('Reactor effects');

  constructor(private readonly sender: SystemCommandSender) {}

  async send(effect: ReactorEffect): Promise<SystemCommandOutcome> {
    const { command, commandId, actor, cause } = effect;
    const now = new Date(command.command.metadata.now);
    const common = { tenant: command.tenant, recordId: command.recordId, commandId, actor, now, ...(cause ? { cause } : {}) };
    const outcome =
      command.kind === 'incident'
        ? await this.sender.send(RECORDS.incident, { ...common, command: command.command })
        : await this.sender.send(RECORDS.problem, { ...common, command: command.command });
    if (outcome.done === 'otherwise') this.logger.debug(`Left ${command.kind} ${command.recordId} alone (${commandId}): ${outcome.refusal}`);
    return outcome;
  }
}
