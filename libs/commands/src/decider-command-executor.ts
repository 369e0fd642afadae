import { v5 as uuidv5 } from 'uuid';
import type { Decider } from '#domain';
import type { DomainEvent, EventMetadata, EventSerializer } from '#events';
import {
  StreamNotFoundError,
  WrongExpectedRevisionError,
  type EventStore,
  type NewEvent,
  type Position,
  type RecordedEvent,
} from '#event-store';
import type { CommandEnvelope } from './command-envelope.js';

export interface CommandResult<State> {
  readonly state: State;
  /** The record's version after the command: the revision of its stream's last event. */
  readonly version: bigint;
  readonly position: Position | undefined;
  /** False when the command id had been handled before, and this call appended nothing. */
  readonly appended: boolean;
}

export interface ExecuteOptions<State> {
  /**
   * Checks the caller may act on this record as it is (e.g. a requester on their own incident);
   * runs after loading and before anything else, and refuses by throwing.
   */
  readonly authorize?: (state: State) => void;
  /**
   * The stream is expected not to exist yet (a record just given a fresh id): the first attempt
   * decides on the initial state and appends with `no_stream` without reading, which saves the
   * read on the hot path of creating records. Should the stream exist after all (a retry of the
   * same command), the conflict sends it down the ordinary load-and-decide path.
   */
  readonly expectNew?: boolean;
}

/** Namespace for event ids derived from command ids, so a retried append repeats its ids. */
const EVENT_ID_NAMESPACE = '0b9d7c3e-5a55-4c1f-9f0e-2f6b8a6f1d42';
const MAX_ATTEMPTS = 5;

/**
 * Runs one command against one record: reads its stream, folds it, decides, and appends with the
 * revision it read. With no expected version from the caller a conflict is retried a few times
 * on the fresh state; with one, the conflict goes back to the caller.
 */
export class DeciderCommandExecutor {
  constructor(
    private readonly eventStore: EventStore,
    private readonly serializer: EventSerializer,
  ) {}

  async execute<Command, Event extends DomainEvent, State>(
    decider: Decider<Command, Event, State>,
    streamId: string,
    command: Command,
    envelope: CommandEnvelope,
    options: ExecuteOptions<State> = {},
  ): Promise<CommandResult<State>> {
    for (let attempt = 1; ; attempt += 1) {
      const loaded =
        attempt === 1 && options.expectNew && envelope.expectedVersion === undefined
          ? { state: decider.initialState, revision: undefined, position: undefined, earlier: undefined }
          : await this.load(decider, streamId, envelope.commandId);
      options.authorize?.(loaded.state);
      if (loaded.earlier) return loaded.earlier;
      if (envelope.expectedVersion !== undefined && envelope.expectedVersion !== (loaded.revision ?? -1n)) {
        throw new WrongExpectedRevisionError(streamId, envelope.expectedVersion, loaded.revision ?? 'no_stream');
      }
      const events = decider.decide(command, loaded.state);
      const state = events.reduce(decider.evolve, loaded.state);
      if (events.length === 0) {
        return { state, version: loaded.revision ?? -1n, position: loaded.position, appended: false };
      }
      try {
        const result = await this.eventStore.appendToStream(streamId, this.toNewEvents(streamId, events, envelope), {
          expectedRevision: loaded.revision ?? 'no_stream',
        });
        return { state, version: result.nextExpectedRevision, position: result.position, appended: true };
      } catch (error) {
        const retry =
          error instanceof WrongExpectedRevisionError && envelope.expectedVersion === undefined && attempt < MAX_ATTEMPTS;
        if (!retry) throw error;
      }
    }
  }

  private async load<Command, Event extends DomainEvent, State>(
    decider: Decider<Command, Event, State>,
    streamId: string,
    commandId: string | undefined,
  ): Promise<{
    state: State;
    revision: bigint | undefined;
    position: Position | undefined;
    earlier?: CommandResult<State>;
  }> {
    let state = decider.initialState;
    let last: RecordedEvent | undefined;
    let earlier: CommandResult<State> | undefined;
    try {
      for await (const recorded of this.eventStore.readStream(streamId)) {
        state = decider.evolve(state, this.serializer.deserialize<Event>(recorded));
        last = recorded;
        if (commandId !== undefined && recorded.metadata.commandId === commandId) {
          earlier = { state, version: recorded.revision, position: recorded.position, appended: false };
        }
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return { state, revision: last?.revision, position: last?.position, earlier };
  }

  private toNewEvents(streamId: string, events: readonly DomainEvent[], envelope: CommandEnvelope): NewEvent[] {
    const metadata: EventMetadata = {
      actor: envelope.actor,
      tenant: envelope.tenant,
      correlationId: envelope.correlationId,
      causationId: envelope.causationId,
      origin: envelope.origin,
      ...(envelope.commandId !== undefined ? { commandId: envelope.commandId } : {}),
      ...(envelope.reason !== undefined ? { reason: envelope.reason } : {}),
    };
    return events.map((event, index) => ({
      id:
        envelope.commandId !== undefined
          ? uuidv5(`${streamId}/${envelope.commandId}/${index}`, EVENT_ID_NAMESPACE)
          : crypto.randomUUID(),
      ...this.serializer.serialize(event),
      metadata,
    }));
  }
}
