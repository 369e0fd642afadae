import { Inject, Injectable } from '@nestjs/common';
import { changeSettingsDecider, type ChangeSettingsCommand, type ChangeSettingsState } from '#domain';
import { changeSettingsStreamId } from '#events';
import type { EventStore } from '#event-store';
import { EVENT_STORE } from '#infrastructure';
import type { CommandEnvelope } from '../command-envelope.js';
import { DeciderCommandExecutor } from '../decider-command-executor.js';
import { SettingsStream } from '../settings-stream.js';

/** A change settings command as the caller asks it: the server adds the clock. */
export type ChangeSettingsIntent = Omit<ChangeSettingsCommand, 'metadata'>;

export interface ChangeSettingsResult {
  readonly settings: ChangeSettingsState;
  readonly version: string;
}

/** A tenant's change authority and blackout windows: read (cached) and changed through their decider. */
@Injectable()
export class ChangeSettingsService {
  private readonly stream: SettingsStream<ChangeSettingsState>;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    private readonly executor: DeciderCommandExecutor,
  ) {
    this.stream = new SettingsStream(store, changeSettingsDecider, changeSettingsStreamId);
  }

  settings(tenant: string): Promise<ChangeSettingsState> {
    return this.stream.get(tenant);
  }

  async execute(intent: ChangeSettingsIntent, envelope: CommandEnvelope): Promise<ChangeSettingsResult> {
    const command = { ...intent, metadata: { now: envelope.now.toISOString() } } as ChangeSettingsCommand;
    const result = await this.executor.execute(changeSettingsDecider, changeSettingsStreamId(envelope.tenant), command, envelope, {
      intent,
    });
    this.stream.forget(envelope.tenant);
    return { settings: result.state, version: result.version.toString() };
  }
}
