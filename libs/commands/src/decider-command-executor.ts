import AsyncLock from 'async-lock';
import { backOff, type BackoffOptions } from 'exponential-backoff';
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
import { commandFingerprint } from './command-fingerprint.js';
import { IdempotencyKeyReusedError } from './idempotency-key-reused.error.js';
import { RecordContendedError } from './record-contended.error.js';

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
  /**
   * What the caller asked, without what the server adds (clock, numbers, settings): a command
   * id seen before on the record with a different intent is IDEMPOTENCY_KEY_REUSED.
   */
  readonly intent?: unknown;
}

/** Namespace for event ids derived from command ids, so a retried append repeats its ids. */
const EVENT_ID_NAMESPACE = '0b9d7c3e-5a55-4c1f-9f0e-2f6b8a6f1d42';

/**
 * Conflicts left once this process runs one command per record at a time come from other
 * processes: retried on fresh state after a growing, random pause (so racing replicas do not
 * meet again in step), bounded at about three seconds in all.
 */
const CONFLICT_RETRY: BackoffOptions = { numOfAttempts: 10, startingDelay: 10, maxDelay: 1_000, jitter: 'full' };

interface Attempt<Command, Event extends DomainEvent, State> {
  readonly decider: Decider<Command, Event, State>;
  readonly streamId: string;
  readonly command: Command;
  readonly envelope: CommandEnvelope;
  readonly options: ExecuteOptions<State>;
  readonly fingerprint: string | undefined;
}

interface Loaded<State> {
  readonly state: State;
  readonly revision: bigint | undefined;
  readonly position: Position | undefined;
  /** The caller's earlier run of this command id, with its result and what it asked. */
  readonly earlier?: { readonly result: CommandResult<State>; readonly fingerprint: string | undefined };
}

/**
 * Runs one command against one record: reads its stream, folds it, decides, and appends with the
 * revision it read. Commands on one record run one at a time in this process, so they queue
 * instead of failing each other. With no expected version from the caller a conflict (another
 * process appended meanwhile) is retried on the fresh state; with one, it goes back to the caller.
 */
export class DeciderCommandExecutor {
  private readonly records = new AsyncLock({ maxPending: Infinity });

  constructor(
    private readonly eventStore: EventStore,
    private readonly serializer: EventSerializer,
  ) {}

  execute<Command, Event extends DomainEvent, State>(
    decider: Decider<Command, Event, State>,
    streamId: string,
    command: Command,
    envelope: CommandEnvelope,
    options: ExecuteOptions<State> = {},
  ): Promise<CommandResult<State>> {
    const fingerprint = options.intent === undefined ? undefined : commandFingerprint(streamId, options.intent);
    const attempt: Attempt<Command, Event, State> = { decider, streamId, command, envelope, options, fingerprint };
    const retried = envelope.expectedVersion === undefined;
    let first = true;
    return this.records.acquire(streamId, async () => {
      try {
        return await backOff(
          () => {
            const skipRead = first && options.expectNew === true && retried;
            first = false;
            return this.run(attempt, skipRead);
          },
          { ...CONFLICT_RETRY, retry: (error) => retried && error instanceof WrongExpectedRevisionError },
        );
      } catch (error) {
        if (retried && error instanceof WrongExpectedRevisionError) throw new RecordContendedError(streamId);
        throw error;
      }
    });
  }

  private async run<Command, Event extends DomainEvent, State>(
    { decider, streamId, command, envelope, options, fingerprint }: Attempt<Command, Event, State>,
    skipRead: boolean,
  ): Promise<CommandResult<State>> {
    const loaded: Loaded<State> = skipRead
      ? { state: decider.initialState, revision: undefined, position: undefined }
      : await this.load(decider, streamId, envelope);
    options.authorize?.(loaded.state);
    if (loaded.earlier) {
      const { result, fingerprint: earlierFingerprint } = loaded.earlier;
      if (fingerprint !== undefined && earlierFingerprint !== undefined && fingerprint !== earlierFingerprint) {
        throw new IdempotencyKeyReusedError(envelope.commandId!);
      }
      return result;
    }
    const { expectedVersion } = envelope;
    if (expectedVersion !== undefined && loaded.revision !== undefined && expectedVersion !== loaded.revision) {
      throw new WrongExpectedRevisionError(streamId, expectedVersion, loaded.revision);
    }
    // Deciding before judging a version against a record that does not exist lets the decider
    // answer what is wrong (NOT_FOUND) rather than a conflict the caller cannot resolve.
    const events = decider.decide(command, loaded.state);
    if (expectedVersion !== undefined && loaded.revision === undefined) {
      throw new WrongExpectedRevisionError(streamId, expectedVersion, 'no_stream');
    }
    const state = events.reduce(decider.evolve, loaded.state);
    if (events.length === 0) {
      return { state, version: loaded.revision ?? -1n, position: loaded.position, appended: false };
    }
    const result = await this.eventStore.appendToStream(
      streamId,
      this.toNewEvents(streamId, events, envelope, fingerprint),
      { expectedRevision: loaded.revision ?? 'no_stream' },
    );
    return { state, version: result.nextExpectedRevision, position: result.position, appended: true };
  }

  private async load<Command, Event extends DomainEvent, State>(
    decider: Decider<Command, Event, State>,
    streamId: string,
    { commandId, actor }: CommandEnvelope,
  ): Promise<Loaded<State>> {
    let state = decider.initialState;
    let last: RecordedEvent | undefined;
    let earlier: Loaded<State>['earlier'];
    try {
      for await (const recorded of this.eventStore.readStream(streamId)) {
        state = decider.evolve(state, this.serializer.deserialize<Event>(recorded));
        last = recorded;
        const { metadata } = recorded;
        if (commandId !== undefined && metadata.commandId === commandId && metadata.actor === actor) {
          earlier = {
            result: { state, version: recorded.revision, position: recorded.position, appended: false },
            fingerprint: metadata.commandFingerprint,
          };
        }
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return { state, revision: last?.revision, position: last?.position, earlier };
  }

  private toNewEvents(
    streamId: string,
    events: readonly DomainEvent[],
    envelope: CommandEnvelope,
    fingerprint: string | undefined,
  ): NewEvent[] {
    const metadata: EventMetadata = {
      actor: envelope.actor,
      tenant: envelope.tenant,
      correlationId: envelope.correlationId,
      causationId: envelope.causationId,
      origin: envelope.origin,
      ...(envelope.commandId !== undefined ? { commandId: envelope.commandId } : {}),
      ...(envelope.commandId !== undefined && fingerprint !== undefined ? { commandFingerprint: fingerprint } : {}),
      ...(envelope.reason !== undefined ? { reason: envelope.reason } : {}),
    };
    // Derived from who asked what under which key: a racing duplicate repeats the ids (and is a
    // no-op), while another actor's equal key, or a different command under it, does not.
    const key = `${streamId}/${envelope.actor}/${envelope.commandId}/${fingerprint ?? ''}`;
    return events.map((event, index) => ({
      id: envelope.commandId !== undefined ? uuidv5(`${key}/${index}`, EVENT_ID_NAMESPACE) : crypto.randomUUID(),
      ...this.serializer.serialize(event),
      metadata,
    }));
  }
}
