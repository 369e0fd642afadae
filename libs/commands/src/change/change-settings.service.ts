import { Inject, Injectable } from '@nestjs/common';
import { changeSettingsDecider, type AddBlackoutWindow, type ChangeSettingsCommand, type ChangeSettingsState } from '#domain';
import { changeSettingsStreamId } from '#events';
import type { EventStore } from '#event-store';
import { EVENT_STORE } from '#infrastructure';
import type { CommandEnvelope } from '../command-envelope.js';
import { DeciderCommandExecutor } from '../decider-command-executor.js';
import { newRecordId } from '../new-record-id.js';
import { SettingsStream } from '../settings-stream.js';

/** A change settings command as the caller asks it: the server adds the clock, and a new window's id. */
export type ChangeSettingsIntent =
  | Omit<Exclude<ChangeSettingsCommand, AddBlackoutWindow>, 'metadata'>
  | { readonly type: 'AddBlackoutWindow'; readonly data: Omit<AddBlackoutWindow['data'], 'windowId'> };

/** UUID v5 namespace of window ids derived from idempotency keys; never change it. */
const WINDOW_ID_NAMESPACE = '5e0a9c3d-8b71-4f26-a4d9-7c1e2b6f0a84';

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
    const metadata = { now: envelope.now.toISOString() };
    const command: ChangeSettingsCommand =
      intent.type === 'AddBlackoutWindow'
        ? { type: intent.type, data: { ...intent.data, windowId: newRecordId(WINDOW_ID_NAMESPACE, envelope) }, metadata }
        : ({ ...intent, metadata } as ChangeSettingsCommand);
    const result = await this.executor.execute(changeSettingsDecider, changeSettingsStreamId(envelope.tenant), command, envelope, {
      intent,
    });
    this.stream.forget(envelope.tenant);
    return { settings: result.state, version: result.version.toString() };
  }
}
