import AsyncLock from 'async-lock';
import { backOff, type BackoffOptions } from 'exponential-backoff';
import { v5 as uuidv5 } from 'uuid';
import type { Decider } from '#domain';
import type { DomainEvent, EventMetadata, EventSerializer } from '#events';
import { WrongExpectedRevisionError, type EventStore, type NewEvent, type Position } from '#event-store';
import type { CommandEnvelope } from './command-envelope.js';
import { commandFingerprint } from './command-fingerprint.js';
import { FoldedRecord } from './folded-record.js';
import { FoldedRecords } from './folded-records.js';
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

/**
 * Events the folded records kept between commands hold at most, by default. An incident's fold
 * took about 230 bytes an event (760 when every event carries a command id), so this is some
 * 25 to 75 MB at worst; a record longer than this is read in full for each command.
 */
const CACHED_EVENTS = 100_000;

export interface DeciderCommandExecutorOptions {
  /** How many events the folded records kept between commands may hold in all. */
  readonly cachedEvents?: number;
}

interface Attempt<Command, Event extends DomainEvent, State> {
  readonly decider: Decider<Command, Event, State>;
  readonly streamId: string;
  readonly command: Command;
  readonly envelope: CommandEnvelope;
  readonly options: ExecuteOptions<State>;
  readonly fingerprint: string | undefined;
}

/** The record an attempt decides on, and whether it was read from the store for this attempt. */
interface Loaded<Event, State> {
  readonly record: FoldedRecord<Event, State>;
  readonly current: boolean;
}

/** An attempt's answer; `settled` when the store vouches for it, whatever the cached fold knew. */
type Outcome<State> =
  | { readonly result: CommandResult<State>; readonly settled: boolean }
  | { readonly error: unknown; readonly settled: boolean };

/**
 * Runs one command against one record: folds its stream, decides, and appends with the revision
 * it folded up to. The fold is kept between commands (`FoldedRecords`) and trusted as far as the
 * append checks it: a fold another process made stale fails the append on its expected revision,
 * and is then caught up from where it stopped. An answer the append does not check (a refusal,
 * nothing to do) is given on a stale fold only after catching up found nothing new.
 *
 * Commands on one record run one at a time in this process, so they queue instead of failing
 * each other. With no expected version from the caller a conflict (another process appended
 * meanwhile) is retried on the fresh state; with one, it goes back to the caller.
 */
export class DeciderCommandExecutor {
  private readonly records = new AsyncLock({ maxPending: Infinity });
  private readonly folded: FoldedRecords;

  constructor(
    private readonly eventStore: EventStore,
    private readonly serializer: EventSerializer,
    options: DeciderCommandExecutorOptions = {},
  ) {
    this.folded = new FoldedRecords(eventStore, serializer, options.cachedEvents ?? CACHED_EVENTS);
  }

  /** Events held by the folded records kept between commands. */
  get cachedEvents(): number {
    return this.folded.cachedEvents;
  }

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

  /** One attempt: on the cached fold if any, again on the caught-up one if its answer is in doubt. */
  private async run<Command, Event extends DomainEvent, State>(
    attempt: Attempt<Command, Event, State>,
    skipRead: boolean,
  ): Promise<CommandResult<State>> {
    const loaded = await this.load(attempt, skipRead);
    const outcome = await this.decideAndAppend(attempt, loaded);
    if (!outcome.settled && !loaded.current) {
      const before = loaded.record.revision;
      const record = await this.folded.current(attempt.streamId, attempt.decider);
      if (record.revision !== before) return answer(await this.decideAndAppend(attempt, { record, current: true }));
    }
    return answer(outcome);
  }

  /**
   * The cached fold as it is, unless it must be caught up first: it may be behind, the caller
   * expects another version than it holds, or the command id is not among those it has seen
   * (an earlier run in another process would be answered by the store with that run's result,
   * which the executor could not tell from its own append). A new record is not read at all.
   */
  private async load<Command, Event extends DomainEvent, State>(
    { decider, streamId, envelope: { actor, commandId, expectedVersion } }: Attempt<Command, Event, State>,
    skipRead: boolean,
  ): Promise<Loaded<Event, State>> {
    const cached = this.folded.cached(streamId, decider);
    if (!cached && skipRead) return { record: new FoldedRecord(decider), current: false };
    const trusted =
      cached !== undefined &&
      !cached.mayBeBehind &&
      (expectedVersion === undefined || expectedVersion === cached.revision) &&
      (commandId === undefined || cached.earlier(actor, commandId) !== undefined);
    if (trusted) return { record: cached, current: false };
    return { record: await this.folded.current(streamId, decider), current: true };
  }

  private async decideAndAppend<Command, Event extends DomainEvent, State>(
    { decider, streamId, command, envelope, options, fingerprint }: Attempt<Command, Event, State>,
    { record, current }: Loaded<Event, State>,
  ): Promise<Outcome<State>> {
    const revision = record.exists ? record.revision : undefined;
    try {
      options.authorize?.(record.state);
      const earlier = envelope.commandId === undefined ? undefined : record.earlier(envelope.actor, envelope.commandId);
      if (earlier) {
        if (fingerprint !== undefined && earlier.fingerprint !== undefined && fingerprint !== earlier.fingerprint) {
          throw new IdempotencyKeyReusedError(envelope.commandId!);
        }
        const state = await this.folded.stateAt(streamId, record, earlier.version);
        return { result: { state, version: earlier.version, position: earlier.position, appended: false }, settled: true };
      }
      const { expectedVersion } = envelope;
      if (expectedVersion !== undefined && revision !== undefined && expectedVersion !== revision) {
        throw new WrongExpectedRevisionError(streamId, expectedVersion, revision);
      }
      // Deciding before judging a version against a record that does not exist lets the decider
      // answer what is wrong (NOT_FOUND) rather than a conflict the caller cannot resolve.
      const events = decider.decide(command, record.state);
      if (expectedVersion !== undefined && revision === undefined) {
        throw new WrongExpectedRevisionError(streamId, expectedVersion, 'no_stream');
      }
      const state = events.reduce(decider.evolve, record.state);
      if (events.length === 0) {
        return { result: { state, version: revision ?? -1n, position: record.position, appended: false }, settled: current };
      }
      const appended = await this.eventStore
        .appendToStream(streamId, this.toNewEvents(streamId, events, envelope, fingerprint), {
          expectedRevision: revision ?? 'no_stream',
        })
        .catch((error: unknown) => {
          if (error instanceof WrongExpectedRevisionError) record.mayBeBehind = true;
          throw error;
        });
      this.folded.appended(streamId, record, state, appended, envelope.commandId !== undefined);
      return { result: { state, version: appended.nextExpectedRevision, position: appended.position, appended: true }, settled: true };
    } catch (error) {
      return { error, settled: current || error instanceof IdempotencyKeyReusedError };
    }
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
      ...(envelope.serviceAccountId !== undefined ? { serviceAccountId: envelope.serviceAccountId } : {}),
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

function answer<State>(outcome: Outcome<State>): CommandResult<State> {
  if ('error' in outcome) throw outcome.error;
  return outcome.result;
}
